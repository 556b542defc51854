// The generic alert form, for any monitoring that is not Alertmanager: one alert per
// notification, grouped by its source and key. Documented in docs/api.md ("Alert intake").
// Pure: no I/O.
import { z } from "zod";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import { clip, reason, SAFE_URL, type AlertNotification } from "./notification.ts";
import { splitNames } from "./rules.ts";

const Text = (min: number, max: number, expected = "must be a string") =>
  z
    .string(reason(expected))
    .trim()
    .min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

export const GenericAlertSchema = z.object({
  /** who sends it: "grafana", "pingdom", "cron-backup" */
  source: Text(1, 100),
  /** the alert's identity at the source: the same key again is the same alert */
  key: Text(1, 200),
  status: z.enum(["firing", "resolved"], reason('must be "firing" or "resolved"')),
  title: Text(3, 200),
  severity: z.enum(SEVERITIES, reason(`must be one of ${SEVERITIES.join(", ")}`)).optional(),
  /** a component's name, or several separated by commas */
  component: Text(0, 500).optional(),
  description: Text(0, 5000).optional(),
  url: Text(0, 2000)
    .refine((url) => url === "" || SAFE_URL.test(url), "must start with http:// or https://")
    .optional(),
});
export type GenericAlert = z.output<typeof GenericAlertSchema>;

export function notificationFromGenericAlert(alert: GenericAlert): AlertNotification {
  const summary = alert.description ? [alert.description] : [];
  summary.push(`Opened by an alert from ${alert.source} (key ${alert.key}).`);
  return {
    source: `generic:${alert.source}`,
    groupKey: alert.key,
    status: alert.status,
    title: clip(alert.title, 200),
    summary: summary.join("\n").slice(0, 5000),
    alerts: [
      {
        fingerprint: alert.key,
        status: alert.status,
        name: alert.title,
        labels: {},
        annotations: alert.description ? { description: alert.description } : {},
        startsAt: null,
        endsAt: null,
        url: alert.url || null,
        severity: alert.severity,
        componentNames: splitNames(alert.component ?? ""),
      },
    ],
    truncatedAlerts: 0,
    sender: "generic",
  };
}
