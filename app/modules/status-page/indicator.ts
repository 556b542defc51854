// The one-line verdict at the top of the status page and in /api/v2/status.json, worded as
// Statuspage words it so aggregators and chat integrations read it unchanged. Pure.
import type { ComponentStatusName, IncidentImpact, PublicPage } from "~/modules/status-page/model.ts";

/** Worst first. Maintenance is planned, so it ranks below any degradation. */
export const STATUS_SEVERITY: readonly ComponentStatusName[] = [
  "major_outage",
  "partial_outage",
  "degraded_performance",
  "under_maintenance",
  "operational",
];

export function worstStatus(statuses: ComponentStatusName[]): ComponentStatusName {
  let worst = STATUS_SEVERITY.length - 1;
  for (const status of statuses) worst = Math.min(worst, STATUS_SEVERITY.indexOf(status));
  return STATUS_SEVERITY[worst];
}

const IMPACT_ORDER: readonly IncidentImpact[] = ["none", "minor", "major", "critical"];

function worstImpact(impacts: IncidentImpact[]): IncidentImpact {
  let worst = 0;
  for (const impact of impacts) worst = Math.max(worst, IMPACT_ORDER.indexOf(impact));
  return IMPACT_ORDER[worst];
}

function impactOfStatus(status: ComponentStatusName): IncidentImpact {
  if (status === "major_outage") return "critical";
  if (status === "partial_outage") return "major";
  if (status === "degraded_performance") return "minor";
  return "none";
}

export function impactOfStatuses(statuses: ComponentStatusName[]): IncidentImpact {
  return worstImpact(statuses.map(impactOfStatus));
}

export const ALL_SYSTEMS_OPERATIONAL = "All Systems Operational";
export const PARTIALLY_DEGRADED_SERVICE = "Partially Degraded Service";
export const DEGRADED_SYSTEM_SERVICE = "Degraded System Service";
export const MINOR_SERVICE_OUTAGE = "Minor Service Outage";
export const PARTIAL_SYSTEM_OUTAGE = "Partial System Outage";
export const MAJOR_SYSTEM_OUTAGE = "Major System Outage";
export const SERVICE_UNDER_MAINTENANCE = "Service Under Maintenance";

export type PageIndicator = IncidentImpact | "maintenance";
export type PageStatus = { indicator: PageIndicator; description: string };

export function pageStatus(page: PublicPage): PageStatus {
  // A group's status is its members' rolled up, so counting it too would only repeat them.
  const statuses = page.components.filter((c) => !c.isGroup).map((c) => c.status);
  const fromComponents = impactOfStatuses(statuses);
  const fromIncidents = worstImpact(
    page.incidents.filter((i) => i.status !== "resolved" && i.status !== "postmortem").map((i) => i.impact),
  );
  const level = worstImpact([fromComponents, fromIncidents]);

  if (level === "critical") return { indicator: "critical", description: MAJOR_SYSTEM_OUTAGE };
  if (level === "major") return { indicator: "major", description: PARTIAL_SYSTEM_OUTAGE };
  if (level === "minor") {
    if (fromComponents !== "minor") return { indicator: "minor", description: MINOR_SERVICE_OUTAGE };
    const everyDegraded = statuses.every((s) => STATUS_SEVERITY.indexOf(s) <= STATUS_SEVERITY.indexOf("degraded_performance"));
    return { indicator: "minor", description: everyDegraded ? DEGRADED_SYSTEM_SERVICE : PARTIALLY_DEGRADED_SERVICE };
  }
  const inMaintenance =
    page.components.some((c) => c.status === "under_maintenance") ||
    page.maintenances.some((m) => m.status === "in_progress" || m.status === "verifying");
  if (inMaintenance) return { indicator: "maintenance", description: SERVICE_UNDER_MAINTENANCE };
  return { indicator: "none", description: ALL_SYSTEMS_OPERATIONAL };
}
