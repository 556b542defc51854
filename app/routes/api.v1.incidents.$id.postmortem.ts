import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { postmortemJson } from "~/modules/postmortems/api.server.ts";
import { createPostmortem, findPostmortemIdOfIncident, requirePostmortem } from "~/modules/postmortems/postmortems.server.ts";
import { notFound, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const id = await findPostmortemIdOfIncident(await requireIncidentId(params.id!));
  if (!id) notFound("Post-mortem");
  return Response.json({ postmortem: await postmortemJson(await requirePostmortem(id)) });
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "postmortem:write");
  const incidentId = await requireIncidentId(params.id!);
  const view = await createPostmortem(actor, incidentId);
  return Response.json({ postmortem: await postmortemJson(view) }, { status: 201 });
});
