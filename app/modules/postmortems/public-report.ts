// The public root-cause report: a shorter, customer-facing version of the post-mortem (what
// happened, who was affected and for how long, why, what was done, what will be done),
// drafted from the same data as a status-page update with status "postmortem". Plain text,
// as update bodies are. Pure: no I/O.
import { IMPACT_LABELS } from "~/modules/incidents/lifecycle.ts";
import { renderTemplate } from "~/modules/notices/templates.ts";
import { formatDuration, inUtc } from "~/utils/time.ts";
import { docText, writtenText, type PmDoc } from "./document.ts";
import { customerFacingTime, impactByComponent, IMPACT_ORDER, timeTo } from "./metrics.ts";
import type { SectionKey } from "./sections.ts";
import type { PostmortemSource } from "./source.ts";

export const PUBLIC_REPORT_TEMPLATE_KEY = "postmortem.public_report";

export const DEFAULT_PUBLIC_REPORT_TEMPLATE = `What happened
{{ what_happened }}

Who was affected, and for how long
From {{ started_at }} to {{ resolved_at }} ({{ duration }}), customers using {{ components_text }}{% if regions_text != "" %} in {{ regions_text }}{% endif %} were affected: {{ impact_text }}.

Why it happened
{{ why }}

What we did
We noticed the problem {{ time_to_detect }} after it began, limited the impact after {{ time_to_mitigate }}, and resolved it {{ time_to_resolve }} after it began.

What we will do
{% for item in commitments -%}
- {{ item }}
{% endfor -%}
{%- if commitments.size == 0 -%}
We are reviewing what we will change, and will add it here.
{%- endif %}`;

export type ReportInput = {
  source: PostmortemSource;
  sections: Partial<Record<SectionKey, PmDoc>>;
  /** open or done action items of kind mitigate or prevent */
  commitments: { title: string; dueAt: Date | null }[];
};

function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const paragraphs = (text: string) => text.replace(/\n{2,}/g, "\n").trim();

/** Why a report cannot be drafted yet, in the writer's words; null when it can. */
export function reportRefusal(input: ReportInput): string | null {
  if (!input.source.incident.resolvedAt) return "The incident is not resolved.";
  if (!writtenText(input.sections.root_cause ?? { type: "doc", content: [] })) return "Write the root cause in the post-mortem first: the report must say why it happened.";
  return null;
}

export function reportVariables({ source, sections, commitments }: ReportInput) {
  const { incident } = source;
  const end = incident.resolvedAt!;
  const t = timeTo(incident);
  const facing = customerFacingTime(source.impacts, end);
  const summary = sections.summary ? writtenText(sections.summary) : "";
  const why = sections.root_cause ? writtenText(sections.root_cause) : "";
  const components = impactByComponent(source.impacts, end).map((c) => c.component);
  const duration = (ms: number | null) => (ms === null ? "an unknown time" : formatDuration(ms));
  return {
    what_happened: paragraphs(summary || incident.summary || (sections.summary ? docText(sections.summary) : "")),
    started_at: inUtc(incident.startedAt),
    resolved_at: inUtc(end),
    duration: formatDuration(end.getTime() - incident.startedAt.getTime()),
    components_text: components.length ? listText(components) : "our services",
    regions_text: listText(source.regions),
    impact_text:
      IMPACT_ORDER.filter((level) => facing.byLevel[level] > 0)
        .map((level) => `${IMPACT_LABELS[level].toLowerCase()} for ${formatDuration(facing.byLevel[level])}`)
        .join(", ") || "degraded service",
    why: paragraphs(why),
    time_to_detect: duration(t.detect),
    time_to_mitigate: duration(t.mitigate),
    time_to_resolve: duration(t.resolve),
    commitments: commitments.map((c) => (c.dueAt ? `${c.title} (by ${inUtc(c.dueAt, "MMMM yyyy").replace(/ UTC$/, "")})` : c.title)),
  };
}

export function renderPublicReport(input: ReportInput, template = DEFAULT_PUBLIC_REPORT_TEMPLATE): string {
  return renderTemplate(template, reportVariables(input));
}
