import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { addTimelineEntry, listTimelineEntries, NewEntrySchema } from "~/modules/timeline/entries.server.ts";
import { fail, notFound, parseJson, parseQuery } from "~/utils/http.server.ts";

const QuerySchema = z.object({
  after: z.coerce.number({ message: "must be a sequence number" }).int().min(0).max(2_147_483_647).default(0), // seq is a 32-bit column
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const query = parseQuery(request, QuerySchema);
  const id = await requireIncidentId(params.id!);
  return Response.json({ entries: await listTimelineEntries(id, { afterSeq: query.after, limit: query.limit }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only GET and POST are supported here.");
  const actor = await requireActor(request, "incident:write");
  const input = await parseJson(request, NewEntrySchema);
  const id = await requireIncidentId(params.id!);
  const { entry, created } = await addTimelineEntry(actor, id, input);
  return Response.json({ entry }, { status: created ? 201 : 200 });
}
