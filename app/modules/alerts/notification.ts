// One shape for what monitoring sends, whichever form it came in (Alertmanager's webhook or
// the generic form): a group of alerts identified by its source and key. Pure: no I/O.
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";

export type AlertStatus = "firing" | "resolved";

export type ReceivedAlert = {
  /** identifies the alert within its group across notifications */
  fingerprint: string;
  status: AlertStatus;
  /** what people call it: the alertname label, or the generic form's title */
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** when it started firing; null when the sender does not say (the generic form) */
  startsAt: Date | null;
  /** when it stopped firing; null while it fires or when unknown */
  endsAt: Date | null;
  /** where to look: Prometheus' graph, a dashboard */
  url: string | null;
  /** set by the generic form; otherwise the severity comes from the labels and the rules */
  severity?: SeverityName;
  /** set by the generic form; otherwise the names come from the component label */
  componentNames?: string[];
};

export type AlertNotification = {
  /** "alertmanager", or the generic form's source */
  source: string;
  /** the group: Alertmanager's groupKey, or the generic form's key */
  groupKey: string;
  /** firing while any alert of the group fires */
  status: AlertStatus;
  /** the title an incident opened by it gets */
  title: string;
  /** the summary an incident opened by it gets */
  summary: string;
  alerts: ReceivedAlert[];
  /** alerts the sender left out of this notification (Alertmanager's max_alerts) */
  truncatedAlerts: number;
  /** the kind of sender, for the entries' wording */
  sender: "Alertmanager" | "generic";
};

/** Titles are 3 to 200 characters; longer text is cut at a word where possible. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export const SAFE_URL = /^https?:\/\//i;

/** zod's error option for a field: a missing field says so, a field of the wrong type says what it must be. */
export const reason = (expected: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? "is required" : expected),
});
