// What a new update proposes to do with each component on the public page, from the incident's
// impact and what its earlier updates said. Pure: the comms form and the preview cases use it.
import type { ComponentStatusName } from "~/modules/status-page/model.ts";

export type MovableComponent = {
  id: string;
  /** this incident's impact on it now (internal) */
  impact: ComponentStatusName | null;
  /** this incident's published updates last said it is not operational */
  heldByThisIncident: boolean;
  publicStatus: ComponentStatusName;
};

/** Affected components at their impact; recovering ones degraded while monitoring; all back to operational on resolve. */
export function proposedMoves(components: readonly MovableComponent[], status: string): Record<string, ComponentStatusName | ""> {
  const moves: Record<string, ComponentStatusName | ""> = {};
  for (const c of components) {
    if (status === "resolved") moves[c.id] = c.impact || c.heldByThisIncident ? "operational" : "";
    else if (status === "monitoring") moves[c.id] = c.impact ? "degraded_performance" : "";
    else moves[c.id] = c.impact && c.impact !== c.publicStatus ? c.impact : "";
  }
  return moves;
}
