// What an alert writes on an incident's timeline, and the idempotency key that makes a
// repeated notification write nothing. Pure: no I/O.
import { MAX_ENTRY_CHARS } from "~/modules/timeline/document.ts";
import { IMPACT_LABELS, type ComponentImpactName, type SeverityName } from "~/modules/incidents/lifecycle.ts";
import type { AlertNotification, ReceivedAlert } from "./notification.ts";
import { componentNamesFromLabels, severityFromLabels, type AlertRules } from "./rules.ts";

export const ALERT_KEY_PREFIX = "alert:";

/**
 * The key of an alert's state on one incident: fingerprint, status and when it started, so
 * the same state re-sent (Alertmanager's repeat interval) is recognised, and an alert that
 * resolves and fires again is new. Without a start time (the generic form) the state's
 * ordinal stands in for it: the nth firing follows n-1 resolutions, and so on.
 */
export function alertStateKey(alert: ReceivedAlert, recordedKeys: ReadonlySet<string>): string {
  const prefix = `${ALERT_KEY_PREFIX}${alert.fingerprint}:`;
  if (alert.startsAt) return `${prefix}${alert.status}:${alert.startsAt.toISOString()}`;
  const other = alert.status === "firing" ? "resolved" : "firing";
  let seen = 0;
  for (const key of recordedKeys) if (key.startsWith(`${prefix}${other}:#`)) seen++;
  return `${prefix}${alert.status}:#${seen}`;
}

/** The alerts whose state this incident has not recorded yet, each once, with its key. */
export function unrecordedAlerts(alerts: ReceivedAlert[], recordedKeys: ReadonlySet<string>): { alert: ReceivedAlert; key: string }[] {
  const keys = new Set(recordedKeys);
  const fresh: { alert: ReceivedAlert; key: string }[] = [];
  for (const alert of alerts) {
    const key = alertStateKey(alert, keys);
    if (keys.has(key)) continue;
    keys.add(key);
    fresh.push({ alert, key });
  }
  return fresh;
}

export function alertSeverity(alert: ReceivedAlert, rules: AlertRules): SeverityName {
  return alert.severity ?? severityFromLabels(alert.labels, rules);
}

export function alertComponentNames(alert: ReceivedAlert, rules: AlertRules): string[] {
  return alert.componentNames ?? componentNamesFromLabels(alert.labels, rules);
}

/** "2023-02-06 13:08:45 UTC" */
export function utcTime(at: Date): string {
  return at
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
}

/** A time from the sender, never later than now (their clock may run ahead of ours). */
export function notLaterThan(at: Date | null, now: Date): Date {
  return at && at.getTime() < now.getTime() ? at : now;
}

/** When the alert's state began: the firing's start, the resolution's end; when we heard of it otherwise. */
export function alertOccurredAt(alert: ReceivedAlert, now: Date): Date {
  return notLaterThan(alert.status === "firing" ? alert.startsAt : alert.endsAt, now);
}

const oneLine = (text: string, max = 1000) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export type AlertEntryContext = {
  notification: Pick<AlertNotification, "sender" | "source">;
  rules: AlertRules;
  now: Date;
  /** components of this alert found in the catalog */
  components: string[];
  /** components this alert added to an incident that was already open */
  added: { name: string; impact: ComponentImpactName }[];
  unknownComponents: string[];
  groupComponents: string[];
};

/** The entry's text (light Markdown: bold, bullet lines, a link). */
export function alertEntryText(alert: ReceivedAlert, context: AlertEntryContext): string {
  const { rules } = context;
  const name = `**${oneLine(alert.name, 200)}**`;
  const summary = alert.annotations.summary ? `: ${oneLine(alert.annotations.summary)}` : "";
  const headline =
    alert.status === "firing"
      ? `Alert ${name} firing since ${utcTime(alertOccurredAt(alert, context.now))}${summary}`
      : `Alert ${name} resolved at ${utcTime(alertOccurredAt(alert, context.now))}` +
        (alert.startsAt ? ` (firing since ${utcTime(alert.startsAt)})` : "") +
        summary;
  const lines = [
    context.notification.sender === "generic" ? `${headline} (from ${context.notification.source.replace(/^generic:/, "")})` : headline,
  ];
  for (const [key, value] of Object.entries(alert.annotations)) {
    if (key !== "summary" && value.trim()) lines.push(`- ${key}: ${oneLine(value)}`);
  }
  const labels = Object.entries(alert.labels).map(([key, value]) => `${key}=${oneLine(value, 300)}`);
  if (labels.length) lines.push(`- labels: ${oneLine(labels.join(", "), 4000)}`);
  if (alert.status === "firing") {
    const severity = alertSeverity(alert, rules);
    const label = alert.labels[rules.severityLabel];
    const why = alert.severity
      ? ""
      : label
        ? ` (from ${rules.severityLabel}=${oneLine(label, 100)})`
        : ` (no ${rules.severityLabel} label)`;
    lines.push(`- severity: ${severity}${why}`);
  }
  if (context.components.length) lines.push(`- components: ${context.components.join(", ")}`);
  if (context.added.length) {
    lines.push(
      `- added to the affected components: ${context.added.map((c) => `${c.name} (${IMPACT_LABELS[c.impact].toLowerCase()})`).join(", ")}`,
    );
  }
  if (context.unknownComponents.length) {
    lines.push(`- not in the component catalog, ignored: ${context.unknownComponents.map((n) => `“${oneLine(n, 100)}”`).join(", ")}`);
  }
  if (context.groupComponents.length) {
    lines.push(`- component groups, ignored (name the components in them): ${context.groupComponents.join(", ")}`);
  }
  if (alert.url) lines.push(`[Open the alert's source](${alert.url.replace(/[()\s]/g, encodeURIComponent)})`);
  const text = lines.join("\n");
  return text.length > MAX_ENTRY_CHARS ? `${text.slice(0, MAX_ENTRY_CHARS - 1)}…` : text;
}

export function truncatedAlertsNote(count: number): string {
  return `- Alertmanager left ${count} more alert${count === 1 ? "" : "s"} of this group out of the notification (max_alerts).`;
}
