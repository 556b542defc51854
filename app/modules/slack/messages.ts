// What the app writes in Slack about an incident: the channel topic and the pinned summary.
// Pure; Slack's mrkdwn escapes only &, < and >.
import { incidentRef } from "~/utils/incident-links.ts";

export type IncidentFacts = {
  id: string;
  number: number;
  title: string;
  summary: string;
  severity: string;
  status: string;
  commander: string | null;
  declaredBy: string;
};

/** Slack's own escaping for text it should not read as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Severity · status · commander: what a glance at the channel header must tell (Slack keeps 250 characters). */
export function channelTopic(incident: IncidentFacts): string {
  return `${incident.severity} · ${capitalised(incident.status)} · Commander: ${incident.commander ?? "none yet"}`.slice(0, 250);
}

export function roomUrl(base: string, incidentId: string): string {
  return `${base}/incidents/${encodeURIComponent(incidentId)}`;
}

export function summaryMessage(incident: IncidentFacts, base: string): string {
  const lines = [
    `:rotating_light: *${incidentRef(incident.number)}: ${escapeMrkdwn(incident.title)}*`,
    `${incident.severity} · ${capitalised(incident.status)} · declared by ${escapeMrkdwn(incident.declaredBy)}`,
    ...(incident.summary ? [escapeMrkdwn(incident.summary.slice(0, 1500))] : []),
    `<${roomUrl(base, incident.id)}|Open the incident room>`,
  ];
  return lines.join("\n");
}

/** The incident's line in the announcement channel, edited in place as the incident moves on. */
export function announcement(incident: IncidentFacts, channelId: string, base: string): string {
  return (
    `:rotating_light: *${incidentRef(incident.number)}: ${escapeMrkdwn(incident.title)}*: ${channelTopic(incident)}\n` +
    `Join <#${channelId}> · <${roomUrl(base, incident.id)}|incident room>`
  );
}
