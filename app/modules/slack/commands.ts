// What `/incident …` asks for, read from the slash command's text. Pure: the handlers
// (commands.server.ts) carry it out through the same module functions as the pages and the API.
import { INCIDENT_STATUSES, SEVERITIES, type IncidentStatusName, type SeverityName } from "~/modules/incidents/lifecycle.ts";

export type SlackCommand =
  | { kind: "declare"; severity: SeverityName; title: string }
  | { kind: "status"; status: IncidentStatusName }
  | { kind: "sev"; severity: SeverityName }
  | { kind: "note"; text: string }
  /** `/incident lead @person`: Slack sends the mention as `<@U123|name>` */
  | { kind: "lead"; slackUserId: string }
  /** `/incident update`: a modal to draft a status update */
  | { kind: "update" }
  /** `/incident declare` without a title: a modal asks for it */
  | { kind: "declare-modal"; severity: SeverityName }
  | { kind: "help" }
  /** the text asks for nothing we know, or wrongly: `problem` says what to type */
  | { kind: "unknown"; problem: string };

/** A severity given without one: as the declare form's default. */
export const DEFAULT_SEVERITY: SeverityName = "SEV3";

export const HELP_TEXT = [
  "*/incident declare [SEV1..SEV4] <title>*: declare an incident (SEV3 unless you say); it gets a channel of its own; without a title, a form asks",
  "*/incident status <investigating|identified|monitoring|resolved>*: move this channel's incident on",
  "*/incident sev <SEV1..SEV4>*: change its severity",
  "*/incident note <text>*: add a note to its timeline",
  "*/incident lead @person*: make them the commander",
  "*/incident update*: draft a status update from the template",
  "*/incident help*: this list",
].join("\n");

function severityOf(word: string | undefined): SeverityName | null {
  const upper = (word ?? "").toUpperCase();
  const named = /^SEV[1-4]$/.test(upper) ? upper : /^[1-4]$/.test(upper) ? `SEV${upper}` : null;
  return named && (SEVERITIES as readonly string[]).includes(named) ? (named as SeverityName) : null;
}

export function parseSlackCommand(text: string): SlackCommand {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const verb = first.toLowerCase();
  const after = trimmed.slice(first.length).trim();
  switch (verb) {
    case "":
    case "help":
      return { kind: "help" };
    case "declare": {
      const severity = severityOf(rest[0]);
      const title = severity ? after.slice(rest[0]!.length).trim() : after;
      if (!title) return { kind: "declare-modal", severity: severity ?? DEFAULT_SEVERITY };
      return { kind: "declare", severity: severity ?? DEFAULT_SEVERITY, title };
    }
    case "status": {
      const status = (rest[0] ?? "").toLowerCase();
      if (rest.length !== 1 || !(INCIDENT_STATUSES as readonly string[]).includes(status)) {
        return { kind: "unknown", problem: `Say one status: \`/incident status ${INCIDENT_STATUSES.join("|")}\`.` };
      }
      return { kind: "status", status: status as IncidentStatusName };
    }
    case "sev":
    case "severity": {
      const severity = severityOf(rest[0]);
      if (rest.length !== 1 || !severity) return { kind: "unknown", problem: "Say one severity: `/incident sev SEV1` (SEV1 to SEV4)." };
      return { kind: "sev", severity };
    }
    case "note": {
      if (!after) return { kind: "unknown", problem: "Write the note after the word: `/incident note Rolled back the deploy`." };
      return { kind: "note", text: after };
    }
    case "lead":
    case "commander": {
      const mention = /^<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>$/.exec(after);
      if (!mention) return { kind: "unknown", problem: "Name one person: `/incident lead @dana`." };
      return { kind: "lead", slackUserId: mention[1]! };
    }
    case "update":
      return { kind: "update" };
    default:
      return { kind: "unknown", problem: `\`/incident ${first.slice(0, 40)}\` is not a command here. Try \`/incident help\`.` };
  }
}
