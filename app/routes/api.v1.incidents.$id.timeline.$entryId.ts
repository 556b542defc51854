import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { deleteTimelineEntry, editTimelineEntry, EntryPatchSchema, getTimelineEntry } from "~/modules/timeline/entries.server.ts";
import { notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** One entry with its earlier versions, newest first. */
export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const id = await requireIncidentId(params.id!);
  const found = await getTimelineEntry(id, params.entryId!);
  if (!found) notFound("Timeline entry");
  return Response.json(found);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PATCH", "DELETE"]);
  const actor = await requireActor(request, "incident:write");
  const id = await requireIncidentId(params.id!);
  if (request.method === "DELETE") return Response.json({ entry: await deleteTimelineEntry(actor, id, params.entryId!) });
  const patch = await parseJson(request, EntryPatchSchema);
  return Response.json({ entry: await editTimelineEntry(actor, id, params.entryId!, patch) });
});
