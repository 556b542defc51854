// Prometheus Alertmanager's webhook receiver (payload version 4), with a bearer token that
// may write incidents. README "Alert intake" shows the Alertmanager configuration.
import type { ActionFunctionArgs } from "@remix-run/node";
import { AlertmanagerPayloadSchema, notificationFromAlertmanager } from "~/modules/alerts/alertmanager.ts";
import { receiveAlertNotification } from "~/modules/alerts/intake.server.ts";
import { readAlertPayload } from "~/modules/alerts/payload.server.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { fail } from "~/utils/http.server.ts";

export async function loader() {
  fail("not_found", "Alertmanager posts its notifications here.");
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only POST is supported here.");
  const actor = await requireActor(request, "incident:write");
  const payload = await readAlertPayload(request, AlertmanagerPayloadSchema);
  const result = await receiveAlertNotification(actor, notificationFromAlertmanager(payload));
  return Response.json(result, { status: result.created ? 201 : 200 });
}
