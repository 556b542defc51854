import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { declareIncident } from "~/modules/incidents/declare.server.ts";
import { listIncidents } from "~/modules/incidents/queries.server.ts";
import { DeclareIncidentSchema, IncidentFiltersSchema } from "~/modules/incidents/schemas.ts";
import { parseJson, parseQuery, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json(await listIncidents(parseQuery(request, IncidentFiltersSchema)));
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "incident:write");
  const input = await parseJson(request, DeclareIncidentSchema);
  return Response.json({ incident: await declareIncident(actor, input) }, { status: 201 });
});
