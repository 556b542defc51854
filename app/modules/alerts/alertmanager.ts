// Prometheus Alertmanager's webhook payload, version 4, exactly as Alertmanager sends it
// (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config), and how it
// reads as an AlertNotification. Fields Alertmanager may add later are allowed and ignored.
// Pure: no I/O.
import { z } from "zod";
import { isStorable } from "~/utils/instants.ts";
import { clip, reason, SAFE_URL, type AlertNotification, type ReceivedAlert } from "./notification.ts";

const Text = (max: number) => z.string(reason("must be a string")).max(max, `must be at most ${max} characters`);

const LabelSet = z.record(z.string(), Text(10_000), reason("must be an object of strings"));

/** RFC 3339 as Go writes it: nanoseconds and an offset allowed. Alertmanager's "no end yet" is year 1. */
const Rfc3339 = z.iso
  .datetime({ offset: true, ...reason("must be an RFC 3339 time such as 2024-05-01T12:00:00Z") })
  .transform((value) => new Date(value));

const AlertSchema = z.object({
  status: z.enum(["firing", "resolved"], reason('must be "firing" or "resolved"')),
  labels: LabelSet,
  annotations: LabelSet.default({}),
  startsAt: Rfc3339.refine(isStorable, "must be between 1970 and 9999"),
  endsAt: Rfc3339,
  generatorURL: Text(4000).default(""),
  fingerprint: Text(200).min(1, "must not be empty"),
});

export const MAX_ALERTS_PER_NOTIFICATION = 1000;

export const AlertmanagerPayloadSchema = z.object({
  version: z.literal("4", reason('must be the string "4" (the webhook payload version this endpoint reads)')),
  groupKey: Text(10_000).min(1, "must not be empty"),
  truncatedAlerts: z.number(reason("must be a number")).int().min(0).default(0),
  status: z.enum(["firing", "resolved"], reason('must be "firing" or "resolved"')),
  receiver: Text(1000),
  groupLabels: LabelSet,
  commonLabels: LabelSet,
  commonAnnotations: LabelSet,
  externalURL: Text(4000),
  alerts: z
    .array(AlertSchema, reason("must be a list of alerts"))
    .min(1, "must hold at least one alert")
    .max(MAX_ALERTS_PER_NOTIFICATION, `must hold at most ${MAX_ALERTS_PER_NOTIFICATION} alerts`),
});
export type AlertmanagerPayload = z.output<typeof AlertmanagerPayloadSchema>;

function alertFrom(alert: AlertmanagerPayload["alerts"][number]): ReceivedAlert {
  const ended = alert.endsAt.getUTCFullYear() > 1 && isStorable(alert.endsAt);
  return {
    fingerprint: alert.fingerprint,
    status: alert.status,
    name: alert.labels.alertname || "Unnamed alert",
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    endsAt: alert.status === "resolved" && ended ? alert.endsAt : null,
    url: SAFE_URL.test(alert.generatorURL) ? alert.generatorURL : null,
  };
}

export function notificationFromAlertmanager(payload: AlertmanagerPayload): AlertNotification {
  const title =
    payload.commonAnnotations.summary?.trim() ||
    payload.commonLabels.alertname?.trim() ||
    payload.groupLabels.alertname?.trim() ||
    `Alerts for receiver ${payload.receiver}`;
  const about: string[] = [];
  const description = payload.commonAnnotations.description?.trim();
  if (description) about.push(/[.!?]$/.test(description) ? description : `${description}.`);
  const link = SAFE_URL.test(payload.externalURL) ? ` (${payload.externalURL})` : "";
  about.push(`Opened by Alertmanager${link} for the alert group ${payload.groupKey}, receiver ${payload.receiver}.`);
  return {
    source: "alertmanager",
    groupKey: payload.groupKey,
    status: payload.status,
    title: clip(title, 200),
    summary: about.join("\n").slice(0, 5000),
    alerts: payload.alerts.map(alertFrom),
    truncatedAlerts: payload.truncatedAlerts,
    sender: "Alertmanager",
  };
}
