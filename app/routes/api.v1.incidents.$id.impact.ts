// GET / PUT /api/v1/incidents/:id/impact: the incident's impact windows, the one set of
// timestamps every duration is derived from (decision 0036). PUT replaces them all, as the
// room's impact table does; GET answers the same shape, so what it gives can be put back.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { replaceImpactWindows } from "~/modules/incidents/impact.server.ts";
import { getIncident, requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { ImpactWindowsSchema } from "~/modules/incidents/schemas.ts";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const windowsOf = (incident: IncidentView) =>
  incident.impactHistory.map((w) => ({
    componentId: w.id,
    component: w.name,
    impact: w.impact,
    startedAt: w.startedAt,
    endedAt: w.endedAt,
  }));

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const incident = await getIncident(await requireIncidentId(params.id!));
  if (!incident) notFound("Incident");
  return Response.json({ windows: windowsOf(incident) });
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PUT"]);
  const actor = await requireActor(request, "incident:write");
  const { windows } = await parseJson(request, ImpactWindowsSchema);
  const incident = await replaceImpactWindows(actor, await requireIncidentId(params.id!), windows);
  return Response.json({ windows: windowsOf(incident), incident });
});
