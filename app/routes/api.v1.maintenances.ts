import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listMaintenances, scheduleMaintenance } from "~/modules/maintenance/maintenance.server.ts";
import { NewMaintenanceSchema } from "~/modules/maintenance/schemas.ts";
import { fail, parseJson } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ maintenances: await listMaintenances() });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only GET and POST are supported here.");
  const actor = await requireActor(request, "update:publish");
  const input = await parseJson(request, NewMaintenanceSchema);
  return Response.json({ maintenance: await scheduleMaintenance(actor, input) }, { status: 201 });
}
