// The generic alert form, for monitoring other than Alertmanager (docs/api.md "Alert intake").
import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { GenericAlertSchema, notificationFromGenericAlert } from "~/modules/alerts/generic.ts";
import { receiveAlertNotification } from "~/modules/alerts/intake.server.ts";
import { readAlertPayload } from "~/modules/alerts/payload.server.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "incident:write");
  const alert = await readAlertPayload(request, GenericAlertSchema);
  const result = await receiveAlertNotification(actor, notificationFromGenericAlert(alert));
  return Response.json(result, { status: result.created ? 201 : 200 });
});
