// How bad is it, now: the worst impact wins, for a component in several incidents and for a
// group from its members. Pure.
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";

const ORDER: ComponentImpactName[] = ["degraded_performance", "partial_outage", "major_outage"];

export function worstImpact(impacts: ComponentImpactName[]): ComponentImpactName | null {
  let worst = -1;
  for (const impact of impacts) worst = Math.max(worst, ORDER.indexOf(impact));
  return worst < 0 ? null : ORDER[worst];
}

export type ActiveImpact = { incidentId: string; ref: string; impact: ComponentImpactName };

/** Each component's open incidents; a group gets its members', each incident once, at its worst. */
export function activeImpactsByComponent(
  windows: { componentId: string; impact: ComponentImpactName; incidentId: string; ref: string }[],
  groups: { id: string; memberIds: string[] }[],
): Map<string, ActiveImpact[]> {
  const byComponent = new Map<string, ActiveImpact[]>();
  const add = (componentId: string, active: ActiveImpact) => {
    const list = byComponent.get(componentId) ?? [];
    const same = list.find((a) => a.incidentId === active.incidentId);
    if (same) same.impact = worstImpact([same.impact, active.impact])!;
    else list.push({ ...active });
    byComponent.set(componentId, list);
  };
  for (const w of windows) add(w.componentId, { incidentId: w.incidentId, ref: w.ref, impact: w.impact });
  for (const group of groups) {
    for (const member of group.memberIds) for (const active of byComponent.get(member) ?? []) add(group.id, active);
  }
  return byComponent;
}
