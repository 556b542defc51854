// The shipped templates of status-page updates, one per status, and the variables they
// may use. An admin can replace any of them (Template rows); these are the defaults.
import type { PublicIncidentStatus } from "~/modules/status-page/model.ts";

export const UPDATE_TEMPLATE_STATUSES = [
  "investigating",
  "identified",
  "monitoring",
  "resolved",
] as const satisfies readonly PublicIncidentStatus[];
export type UpdateTemplateStatus = (typeof UPDATE_TEMPLATE_STATUSES)[number];

export function updateTemplateKey(status: UpdateTemplateStatus): string {
  return `update.${status}`;
}

/** Every variable an update template can use; each is always present (empty when unknown). */
export type UpdateVariables = {
  page_name: string;
  title: string;
  status: string;
  /** the worst impact now: "a major outage", "a partial outage", "degraded performance" or "issues" */
  impact: string;
  /**
   * each component with its own impact now: "a partial outage of API - Messages endpoint and degraded performance of Web app";
   * empty when none
   */
  impact_text: string;
  /** the components affected now, in customer words, e.g. ["API - Messages endpoint", "Web app"] */
  components: string[];
  /** "API - Messages endpoint and Web app"; "some of our services" when none */
  components_text: string;
  /** every component the incident affected at any time, also those restored since (resolving restores them all) */
  affected: string[];
  /** "API - Messages endpoint and Web app"; "some of our services" when none was recorded */
  affected_text: string;
  /** affected earlier and not any more */
  restored: string[];
  /** "Web app"; empty when none */
  restored_text: string;
  regions: string[];
  regions_text: string;
  /** in the page's time zone, e.g. "14:05 CET on 23 Nov" */
  started_at: string;
  started_at_utc: string;
  /** both, without repeating UTC: "14:05 CET (13:05 UTC) on 23 Nov", or "13:05 UTC on 23 Nov" */
  started_at_full: string;
  /** since the start, as people write it: "about 2 hours 5 minutes" */
  elapsed: string;
  /** the same in seconds, for the duration filter */
  elapsed_seconds: number;
  next_update_at: string;
  next_update_at_utc: string;
  /** "15:45 CET (14:45 UTC)", or "14:45 UTC" on a page kept in UTC */
  next_update_at_full: string;
  /** "30 minutes", "an hour", "2 hours" */
  next_update_in: string;
};

export const UPDATE_VARIABLE_NAMES = [
  "page_name",
  "title",
  "status",
  "impact",
  "impact_text",
  "components",
  "components_text",
  "affected",
  "affected_text",
  "restored",
  "restored_text",
  "regions",
  "regions_text",
  "started_at",
  "started_at_utc",
  "started_at_full",
  "elapsed",
  "elapsed_seconds",
  "next_update_at",
  "next_update_at_utc",
  "next_update_at_full",
  "next_update_in",
] as const satisfies readonly (keyof UpdateVariables)[];

const NEXT = `{% if next_update_at != "" %} We will post our next update by {{ next_update_at_full }}.{% endif %}`;
const REGIONS = `{% if regions_text != "" %} Customers in {{ regions_text }} are affected.{% endif %}`;

// Written with the grammar filters (grammar-filters.ts), for every shape of incident: no component,
// one, several with different impacts, and components restored before the update (resolving
// restores them all, so the resolved text names what the incident affected, not what is affected now).
export const DEFAULT_UPDATE_TEMPLATES: Record<UpdateTemplateStatus, string> = {
  investigating: `{% if components.size > 0 -%}
We are investigating {{ impact_text }}, which began at {{ started_at_full }}.${REGIONS} {% if impact == "degraded performance" \
%}Some requests may be slower than usual.{% else %}Some requests may fail or be slow.{% endif %}
{%- elsif restored.size > 0 -%}
We are investigating an issue that began at {{ started_at_full }} and affected {{ restored_text }}{% if regions_text != "" %} in \
{{ regions_text }}{% endif %}. \
{{ restored | plural: "It is", "They are" }} working normally again, and we are finding out what happened.
{%- else -%}
We are investigating an issue that began at {{ started_at_full }}.${REGIONS}
{%- endif %}${NEXT}`,
  identified: `The issue has been identified and a fix is being implemented.
{%- if components.size > 0 %} Until it is in place, customers will continue to experience {{ impact_text }}.${REGIONS}
{%- elsif restored.size > 0 %} In the meantime, {{ restored_text }} {{ restored | plural: "has", "have" }} recovered.
{%- endif %}${NEXT}`,
  monitoring: `A fix has been implemented and we are monitoring the results.
{%- if components.size > 0 %} {{ components_text | sentence }} {{ components | plural: "is", "are" }} recovering, and we are \
watching closely.
{%- elsif affected.size > 0 %} {{ affected_text | sentence }} {{ affected | plural: "is", "are" }} working normally again, and we \
are watching closely.
{%- endif %}${NEXT}`,
  resolved: `This incident has been resolved.
{%- if affected.size > 0 %} {{ affected_text | sentence }} {{ affected | plural: "is", "are" }} operating normally again.{% endif %} \
It began at {{ started_at_full }} and lasted {{ elapsed }}. We apologise for the disruption; a root-cause report will follow.`,
};

/** Realistic values for checking an admin's template before it is saved. */
export const SAMPLE_UPDATE_VARIABLES: UpdateVariables = {
  page_name: "Northwind AI",
  title: "Elevated errors on the API",
  status: "investigating",
  impact: "a partial outage",
  impact_text: "a partial outage of API - Messages endpoint and degraded performance of Web app",
  components: ["API - Messages endpoint", "Web app"],
  components_text: "API - Messages endpoint and Web app",
  affected: ["API - Messages endpoint", "Web app"],
  affected_text: "API - Messages endpoint and Web app",
  restored: [],
  restored_text: "",
  regions: ["EU West"],
  regions_text: "EU West",
  started_at: "14:05 CET on 23 Nov",
  started_at_utc: "13:05 UTC",
  started_at_full: "14:05 CET (13:05 UTC) on 23 Nov",
  elapsed: "about 1 hour 10 minutes",
  elapsed_seconds: 4320,
  next_update_at: "15:45 CET",
  next_update_at_utc: "14:45 UTC",
  next_update_at_full: "15:45 CET (14:45 UTC)",
  next_update_in: "30 minutes",
};
