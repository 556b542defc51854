import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { addTimelineEntry, NewEntrySchema } from "~/modules/timeline/entries.server.ts";
import { entriesAfter, entriesBefore } from "~/modules/timeline/window.server.ts";
import { parseJson, parseQuery, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const Seq = z.coerce.number({ message: "must be a sequence number" }).int().min(0).max(2_147_483_647); // seq is a 32-bit column

const QuerySchema = z
  .object({
    after: Seq.optional(),
    before: Seq.min(1).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(2000),
  })
  .refine((q) => q.after === undefined || q.before === undefined, { message: "give after or before, not both", path: ["before"] });

/** `after`: the entries written after that seq (the sync feed); `before`: the page written just before it (the room's "Show earlier"). */
export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const query = parseQuery(request, QuerySchema);
  const id = await requireIncidentId(params.id!);
  if (query.before !== undefined) return Response.json(await entriesBefore(id, query.before, query.limit));
  return Response.json(await entriesAfter(id, query.after ?? 0, query.limit));
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "incident:write");
  const input = await parseJson(request, NewEntrySchema);
  const id = await requireIncidentId(params.id!);
  const { entry, created } = await addTimelineEntry(actor, id, input);
  return Response.json({ entry }, { status: created ? 201 : 200 });
});
