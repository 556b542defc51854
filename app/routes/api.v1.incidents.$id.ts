import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { getIncident, requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { IncidentPatchSchema } from "~/modules/incidents/schemas.ts";
import { changeIncident } from "~/modules/incidents/change.server.ts";
import { notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const incident = await getIncident(await requireIncidentId(params.id!));
  if (!incident) notFound("Incident");
  return Response.json({ incident });
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PATCH"]);
  const actor = await requireActor(request, "incident:write");
  const patch = await parseJson(request, IncidentPatchSchema);
  const id = await requireIncidentId(params.id!);
  return Response.json({ incident: await changeIncident(actor, id, patch) });
});
