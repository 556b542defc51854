// The public root-cause report: a shorter, customer-facing version of the post-mortem (what
// happened, who was affected and for how long, why, what was done, what will be done),
// drafted from the same data as a status-page update with status "postmortem". Rich text in
// light Markdown (a "## " heading per question; what the writers formatted kept), rendered on the
// page, in the feeds and emails by status-page/update-text.ts. Pure: no I/O.
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import { durationInWords, IMPACT_PHRASES, listInWords, sentenceCase } from "~/modules/notices/grammar.ts";
import { renderTemplate } from "~/modules/notices/liquid.ts";
import { inUtc } from "~/utils/time.ts";
import { docText, writtenText, type PmDoc } from "./document.ts";
import { writtenMarkdown } from "./written-markdown.ts";
import { IMPACT_ORDER, incidentNumbers, type ComponentImpact } from "./metrics.ts";
import type { SectionKey } from "./sections.ts";
import type { PostmortemSource } from "./source.ts";

export const PUBLIC_REPORT_TEMPLATE_KEY = "postmortem.public_report";

export const DEFAULT_PUBLIC_REPORT_TEMPLATE = `## What happened
{{ what_happened }}

## Who was affected, and for how long
{{ period | sentence }} ({{ duration }}), {% if components.size > 0 %}customers using {{ components_text }}{% else %}some of our \
customers{% endif %}{% if regions_text != "" %} in {{ regions_text }}{% endif %} were affected.{% if impact_detail != "" %} {{ \
impact_detail }}{% endif %}

## Why it happened
{{ why }}

## What we did
We noticed the problem {{ time_to_detect }} after it began{% if time_to_mitigate != "" %}, limited the impact after {{ \
time_to_mitigate }}{% endif %}, and resolved it after {{ time_to_resolve }}.

## What we will do
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

/** "between 13:05 and 15:23 UTC on 23 Nov", or with both dates when it crossed midnight (UTC). */
function periodInWords(from: Date, to: Date): string {
  return inUtc(from, "yyyy-MM-dd") === inUtc(to, "yyyy-MM-dd")
    ? `between ${inUtc(from, "HH:mm").replace(/ UTC$/, "")} and ${inUtc(to, "HH:mm")} on ${inUtc(to, "d MMM").replace(/ UTC$/, "")}`
    : `between ${inUtc(from)} and ${inUtc(to)}`;
}

/** "API had a major outage for about 2 hours. Batch had degraded performance for 25 minutes, then a partial outage for about 2 hours." */
function impactDetail(components: ComponentImpact[]): string {
  return components
    .map((c) => {
      const spells: { impact: ComponentImpactName; ms: number }[] = [];
      for (const w of c.windows) {
        const ms = w.endedAt.getTime() - w.startedAt.getTime();
        const last = spells[spells.length - 1];
        if (last?.impact === w.impact) last.ms += ms;
        else spells.push({ impact: w.impact, ms });
      }
      return sentenceCase(
        `${c.component} had ${spells.map((p) => `${IMPACT_PHRASES[p.impact]} for ${durationInWords(p.ms)}`).join(", then ")}.`,
      );
    })
    .join(" ");
}

/** Why a report cannot be drafted yet, in the writer's words; null when it can. */
export function reportRefusal(input: ReportInput): string | null {
  if (!input.source.incident.resolvedAt) return "The incident is not resolved.";
  if (!writtenText(input.sections.root_cause ?? { type: "doc", content: [] }))
    return "Write the root cause in the post-mortem first: the report must say why it happened.";
  return null;
}

export function reportVariables({ source, sections, commitments }: ReportInput) {
  const { incident } = source;
  const end = incident.resolvedAt!;
  const { timeTo: t, customerFacing: facing, components: affected } = incidentNumbers(incident, source.impacts, end);
  const summary = sections.summary ? writtenMarkdown(sections.summary) : "";
  const why = sections.root_cause ? writtenMarkdown(sections.root_cause) : "";
  const components = affected.map((c) => c.component);
  const affectedFrom = affected.length ? new Date(Math.min(...affected.map((c) => c.firstAt.getTime()))) : incident.startedAt;
  const affectedUntil = affected.length ? new Date(Math.max(...affected.map((c) => c.lastAt.getTime()))) : end;
  const duration = (ms: number | null) => (ms === null ? "" : durationInWords(ms));
  return {
    what_happened: (summary || incident.summary || (sections.summary ? docText(sections.summary) : "")).trim(),
    started_at: inUtc(incident.startedAt),
    resolved_at: inUtc(end),
    /**
     * when customers were affected (the incident's start to its resolution when no impact was recorded):
     * "between 13:05 and 15:23 UTC on 23 Nov"
     */
    period: periodInWords(affectedFrom, affectedUntil),
    /** how long that was: "about 2 hours 20 minutes" */
    duration: durationInWords(affectedUntil.getTime() - affectedFrom.getTime()),
    components,
    components_text: components.length ? listInWords(components) : "our services",
    regions_text: listInWords(source.regions),
    /** customer-facing time by the worst level at each moment: "a major outage for about 2 hours and degraded performance for 5 minutes" */
    impact_text:
      listInWords(
        IMPACT_ORDER.filter((level) => facing.byLevel[level] > 0).map(
          (level) => `${IMPACT_PHRASES[level]} for ${durationInWords(facing.byLevel[level])}`,
        ),
      ) || "degraded service",
    /** a sentence per component with each impact it had and for how long; empty when none was recorded */
    impact_detail: impactDetail(affected),
    why,
    time_to_detect: duration(t.detect),
    time_to_mitigate: duration(t.mitigate),
    time_to_resolve: duration(t.resolve),
    commitments: commitments.map((c) => (c.dueAt ? `${c.title} (by ${inUtc(c.dueAt, "MMMM yyyy").replace(/ UTC$/, "")})` : c.title)),
  };
}

export function renderPublicReport(input: ReportInput, template = DEFAULT_PUBLIC_REPORT_TEMPLATE): string {
  return renderTemplate(template, reportVariables(input));
}
