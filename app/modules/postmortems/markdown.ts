// A post-mortem as one Markdown file (/postmortems/:id.md): what a reader pastes into a wiki
// or an email. The same content as the leadership page, in its order: header, headline
// numbers, key moments (UTC, and the reader's zone beside it), sections, action items.
// Links into the app become absolute with `origin`. Everything people wrote is text to any
// Markdown renderer (markdown-text.ts). Pure: no I/O.
import { IMPACT_LABELS, type ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import { inZone } from "~/utils/time.ts";
import { SAFE_HREF, type PmDoc } from "./document.ts";
import { durationText, type HeadlineNumbers, type KeyMoment } from "./headline.ts";
import { listInWords } from "~/modules/notices/grammar.ts";
import {
  ACTION_ITEM_KIND_LABELS,
  authorNames,
  ACTION_ITEM_PRIORITY_LABELS,
  actionItemStateLabel,
  impactSplitText,
  NOT_WRITTEN,
  overdueText,
  promisesText,
  sectionsToRead,
  showsLocalTime,
} from "./reading.ts";
import { markdownHref, markdownText as text } from "./markdown-text.ts";
import { docToMarkdown } from "./section-markdown.ts";
import { POSTMORTEM_STATE_LABELS, type ActionItemKindName, type ActionItemPriorityName, type PostmortemStateName } from "./sections.ts";

export type PostmortemToExport = {
  postmortem: {
    title: string;
    state: PostmortemStateName;
    author: { name: string };
    /** everyone who wrote any of its text (generated it, edited it, or replaced a section; decision 0029) */
    contributors: { name: string }[];
    approvedBy: { name: string } | null;
    createdAt: string;
    approvedAt: string | null;
    publishedAt: string | null;
    incident: { ref: string; title: string; severity: string; startedAt: string };
    sections: { key: string; title: string; source: string; doc: PmDoc }[];
    actionItems: {
      title: string;
      kind: string;
      priority: string;
      state: string;
      owner: { name: string } | null;
      dueAt: string | null;
      trackerUrl: string | null;
    }[];
  };
  numbers: HeadlineNumbers;
  moments: KeyMoment[];
  /** ISO instant the report was made: what "overdue" is measured against */
  now: string;
};

const DATE = "d MMM yyyy";
const DATE_TIME = "d MMM yyyy HH:mm";

/** One table cell; the caller has escaped what came from people (text()), which keeps it on one line. */
function cell(value: string): string {
  return value.trim() || " ";
}

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

function componentText(c: { name: string; worst: ComponentImpactName }): string {
  return `${text(c.name)} (${IMPACT_LABELS[c.worst].toLowerCase()})`;
}

export function headlineLines(n: HeadlineNumbers): string[] {
  const split = impactSplitText(n.customerFacing.byLevel);
  return [
    `- **Duration:** ${durationText(n.duration, "still open")}`,
    `- **Customer-facing time:** ${durationText(n.customerFacing.total)}${split ? ` (${split})` : ""}`,
    `- **Time to detect:** ${durationText(n.timeTo.detect)}`,
    `- **Time to acknowledge:** ${durationText(n.timeTo.acknowledge)}`,
    `- **Time to mitigate:** ${durationText(n.timeTo.mitigate)}`,
    `- **Time to resolve:** ${durationText(n.timeTo.resolve)}`,
    `- **Components affected (${n.components.length}):** ${n.components.map(componentText).join(", ") || "none recorded"}`,
    `- **Regions affected (${n.regions.length}):** ${n.regions.map(text).join(", ") || "none recorded"}`,
    `- **Customer updates:** ${n.updates.published} published; ${promisesText(n.updates)}`,
  ];
}

export function postmortemMarkdown(report: PostmortemToExport, { origin, timeZone }: { origin: string; timeZone: string }): string {
  const { postmortem: pm, numbers, moments } = report;
  const now = new Date(report.now);
  const utc = (iso: string, pattern = DATE_TIME) => `${inZone(iso, "UTC", pattern)} UTC`;
  const incidentLink = markdownHref(`/incidents/${pm.incident.ref}`, origin, SAFE_HREF);
  const approval = pm.approvedBy ? `approved by ${text(pm.approvedBy.name)}` : "not approved yet";
  const authors = `${listInWords(authorNames(pm.author, pm.contributors).map(text))}; ${approval}`;
  const dates = [
    `incident ${utc(pm.incident.startedAt)}`,
    `written ${utc(pm.createdAt, DATE)}`,
    pm.approvedAt ? `approved ${utc(pm.approvedAt, DATE)}` : "",
    pm.publishedAt ? `published ${utc(pm.publishedAt, DATE)}` : "",
  ].filter(Boolean);

  // Blocks apart by one blank line; a section's own lines (code blocks too) are kept as they are.
  const blocks: string[] = [
    `# ${text(pm.title)}`,
    [
      `- **Incident:** ${incidentLink ? `[${text(pm.incident.ref)}](${incidentLink})` : text(pm.incident.ref)}, ${text(pm.incident.title)}`,
      `- **Severity:** ${text(pm.incident.severity)}`,
      `- **State:** ${POSTMORTEM_STATE_LABELS[pm.state]}`,
      `- **Authors:** ${authors}`,
      `- **Dates:** ${dates.join("; ")}`,
    ].join("\n"),
    "## Headline numbers",
    headlineLines(numbers).join("\n"),
    "## Key moments",
  ];

  const local = showsLocalTime(
    moments.map((m) => m.at),
    timeZone,
  );
  const headers = local ? ["UTC", timeZone, "Moment", "Detail"] : ["UTC", "Moment", "Detail"];
  blocks.push(
    moments.length
      ? table(
          headers,
          moments.map((m) => [utc(m.at), ...(local ? [inZone(m.at, timeZone, DATE_TIME)] : []), text(m.label), text(m.detail)]),
        )
      : "No milestone recorded.",
  );

  for (const s of sectionsToRead(pm.sections, pm.state)) {
    blocks.push(`## ${text(s.title)}`);
    if (s.notWritten) blocks.push(`_${NOT_WRITTEN}_`);
    if (!s.notWritten || s.hasContent) blocks.push(docToMarkdown(s.doc, origin));
  }

  blocks.push("## Action items");
  blocks.push(
    pm.actionItems.length
      ? table(
          ["Action", "Kind", "Priority", "Owner", "Due", "State", "Tracker"],
          pm.actionItems.map((a) => {
            const overdue = overdueText(a, now);
            return [
              text(a.title),
              text(ACTION_ITEM_KIND_LABELS[a.kind as ActionItemKindName] ?? a.kind),
              text(ACTION_ITEM_PRIORITY_LABELS[a.priority as ActionItemPriorityName] ?? a.priority),
              a.owner ? text(a.owner.name) : "no owner",
              a.dueAt ? `${inZone(a.dueAt, "UTC", DATE)}${overdue ? ` (${overdue})` : ""}` : "no due date",
              text(actionItemStateLabel(a.state)),
              a.trackerUrl ? trackerLink(a.trackerUrl) : "",
            ];
          }),
        )
      : "No action items yet.",
  );
  return `${blocks.filter((b) => b !== "").join("\n\n")}\n`;
}

/** A tracker's address as a link when it may be one, else as text. */
function trackerLink(url: string): string {
  const href = markdownHref(url, "", /^https?:\/\//i);
  return href ? `<${href}>` : text(url);
}

/** The file name the export is saved under: "INC-3-postmortem.md". */
export function markdownFileName(ref: string): string {
  return `${ref.replace(/[^A-Za-z0-9-]/g, "")}-postmortem.md`;
}
