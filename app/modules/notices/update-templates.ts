// The shipped templates of status-page updates, one per status, and the variables they
// may use. An admin can replace any of them (Template rows); these are the defaults.
import type { PublicIncidentStatus } from "~/modules/status-page/model.ts";

export const UPDATE_TEMPLATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const satisfies readonly PublicIncidentStatus[];
export type UpdateTemplateStatus = (typeof UPDATE_TEMPLATE_STATUSES)[number];

export function updateTemplateKey(status: UpdateTemplateStatus): string {
  return `update.${status}`;
}

/** Every variable an update template can use; each is always present (empty when unknown). */
export type UpdateVariables = {
  page_name: string;
  title: string;
  status: string;
  /** "a major outage", "a partial outage", "degraded performance" or "issues" */
  impact: string;
  /** the affected components in customer words, e.g. ["API - Messages endpoint", "Web app"] */
  components: string[];
  /** "API - Messages endpoint and Web app" */
  components_text: string;
  regions: string[];
  regions_text: string;
  /** in the page's time zone, e.g. "14:05 CET on 23 Nov" */
  started_at: string;
  started_at_utc: string;
  /** both, without repeating UTC: "14:05 CET (13:05 UTC) on 23 Nov", or "13:05 UTC on 23 Nov" */
  started_at_full: string;
  /** "2h 05m" */
  elapsed: string;
  next_update_at: string;
  next_update_at_utc: string;
  /** "15:45 CET (14:45 UTC)", or "14:45 UTC" on a page kept in UTC */
  next_update_at_full: string;
  /** "30 minutes" */
  next_update_in: string;
};

export const UPDATE_VARIABLE_NAMES = [
  "page_name",
  "title",
  "status",
  "impact",
  "components",
  "components_text",
  "regions",
  "regions_text",
  "started_at",
  "started_at_utc",
  "started_at_full",
  "elapsed",
  "next_update_at",
  "next_update_at_utc",
  "next_update_at_full",
  "next_update_in",
] as const satisfies readonly (keyof UpdateVariables)[];

const NEXT = `{% if next_update_at != "" %} We will post our next update by {{ next_update_at_full }}.{% endif %}`;
const WHERE = `{% if regions_text != "" %} in {{ regions_text }}{% endif %}`;

export const DEFAULT_UPDATE_TEMPLATES: Record<UpdateTemplateStatus, string> = {
  investigating: `We are currently investigating {{ impact }} affecting {{ components_text }}${WHERE} since {{ started_at_full }}. Some requests may fail or be slow.${NEXT}`,
  identified: `The issue has been identified and a fix is being implemented. {{ components_text }}${WHERE} {% if components.size > 1 %}remain{% else %}remains{% endif %} affected by {{ impact }}.${NEXT}`,
  monitoring: `A fix has been implemented and we are monitoring the results. {{ components_text }} should be working normally again; we are watching closely.${NEXT}`,
  resolved: `This incident has been resolved. {{ components_text }} {% if components.size > 1 %}are{% else %}is{% endif %} operating normally. The incident lasted {{ elapsed }} from {{ started_at_full }}. We apologise for the disruption; a root-cause report will follow.`,
};

/** Realistic values for checking an admin's template before it is saved. */
export const SAMPLE_UPDATE_VARIABLES: UpdateVariables = {
  page_name: "Northwind AI",
  title: "Elevated errors on the API",
  status: "investigating",
  impact: "a partial outage",
  components: ["API - Messages endpoint", "Web app"],
  components_text: "API - Messages endpoint and Web app",
  regions: ["EU West"],
  regions_text: "EU West",
  started_at: "14:05 CET on 23 Nov",
  started_at_utc: "13:05 UTC",
  started_at_full: "14:05 CET (13:05 UTC) on 23 Nov",
  elapsed: "1h 12m",
  next_update_at: "15:45 CET",
  next_update_at_utc: "14:45 UTC",
  next_update_at_full: "15:45 CET (14:45 UTC)",
  next_update_in: "30 minutes",
};
