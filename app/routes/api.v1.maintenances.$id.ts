import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { getMaintenance, postMaintenanceUpdate } from "~/modules/maintenance/maintenance.server.ts";
import { MaintenanceUpdateSchema } from "~/modules/maintenance/schemas.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ maintenance: await getMaintenance(params.id!) });
});

/** POST {status?, body?}: move the window and/or post a message to the public page. */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "update:publish");
  const input = await parseJson(request, MaintenanceUpdateSchema);
  return Response.json({ maintenance: await postMaintenanceUpdate(actor, params.id!, input) });
});
