import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listMaintenances, scheduleMaintenance } from "~/modules/maintenance/maintenance.server.ts";
import { NewMaintenanceSchema } from "~/modules/maintenance/schemas.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ maintenances: await listMaintenances() });
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "update:publish");
  const input = await parseJson(request, NewMaintenanceSchema);
  return Response.json({ maintenance: await scheduleMaintenance(actor, input) }, { status: 201 });
});
