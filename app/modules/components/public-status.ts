// What the public sees for each component: nothing internal, only what was published.
// Each unresolved public incident holds the status its latest published update gave a
// component; a running maintenance holds its components under maintenance; the worst
// hold wins and a component nobody holds is operational. Pure.
import { worstStatus } from "~/modules/status-page/indicator.ts";
import type { ComponentStatusName } from "~/modules/status-page/model.ts";

/** One published update's word on one component. */
export type PublishedClaim = {
  incidentId: string;
  componentId: string;
  status: ComponentStatusName;
  publishedAt: Date;
};

/** The latest word of each incident on each component: later updates replace earlier ones. */
export function latestClaims(claims: PublishedClaim[]): PublishedClaim[] {
  const latest = new Map<string, PublishedClaim>();
  for (const claim of claims) {
    const key = `${claim.incidentId}\t${claim.componentId}`;
    const seen = latest.get(key);
    if (!seen || seen.publishedAt <= claim.publishedAt) latest.set(key, claim);
  }
  return [...latest.values()];
}

/**
 * The public status of each given component, from the claims of unresolved public incidents
 * and the components of running maintenance windows.
 */
export function publicStatuses(
  componentIds: string[],
  openIncidentClaims: PublishedClaim[],
  underMaintenance: ReadonlySet<string>,
): Map<string, ComponentStatusName> {
  const holds = new Map<string, ComponentStatusName[]>();
  for (const claim of latestClaims(openIncidentClaims)) {
    holds.set(claim.componentId, [...(holds.get(claim.componentId) ?? []), claim.status]);
  }
  const result = new Map<string, ComponentStatusName>();
  for (const id of componentIds) {
    const statuses = holds.get(id) ?? [];
    if (underMaintenance.has(id)) statuses.push("under_maintenance");
    result.set(id, worstStatus(statuses));
  }
  return result;
}
