import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { findIncidentId } from "~/modules/incidents/queries.server.ts";
import { deleteTimelineEntry, editTimelineEntry, EntryPatchSchema } from "~/modules/timeline/entries.server.ts";
import { fail, notFound, parseJson } from "~/utils/http.server.ts";

export async function loader() {
  fail("not_found", "Read entries from /api/v1/incidents/:id/timeline.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PATCH" && request.method !== "DELETE") fail("not_found", "Only PATCH and DELETE are supported here.");
  const actor = await requireActor(request, "incident:write");
  const id = await findIncidentId(params.id!);
  if (!id) notFound("Incident");
  if (request.method === "DELETE") return Response.json({ entry: await deleteTimelineEntry(actor, id, params.entryId!) });
  const patch = await parseJson(request, EntryPatchSchema);
  return Response.json({ entry: await editTimelineEntry(actor, id, params.entryId!, patch) });
}
