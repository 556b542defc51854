import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listMaintenances, scheduleMaintenance } from "~/modules/maintenance/maintenance.server.ts";
import { NewMaintenanceSchema } from "~/modules/maintenance/schemas.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ maintenances: await listMaintenances() });
}

export async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "update:publish");
  const input = await parseJson(request, NewMaintenanceSchema);
  return Response.json({ maintenance: await scheduleMaintenance(actor, input) }, { status: 201 });
}
