// Prometheus Alertmanager's webhook receiver (payload version 4), with a bearer token that
// may write incidents. docs/api.md "Alert intake" shows the Alertmanager configuration.
import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { AlertmanagerPayloadSchema, notificationFromAlertmanager } from "~/modules/alerts/alertmanager.ts";
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
  const payload = await readAlertPayload(request, AlertmanagerPayloadSchema);
  const result = await receiveAlertNotification(actor, notificationFromAlertmanager(payload));
  return Response.json(result, { status: result.created ? 201 : 200 });
});
