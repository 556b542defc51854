// What the insights page receives: every figure with its key and how many incidents are behind
// it, but not the id lists (the page links to /insights/incidents?figure=<key> instead, so it
// stays small at 10,000 incidents), and the references of the overdue items' incidents. Pure.
import { withoutIds } from "./figures.ts";
import type { Insights } from "./model.ts";

/** The page lists the most overdue items; the action items page has them all. */
export const OVERDUE_SHOWN = 20;

export function insightsPageData(insights: Insights) {
  const { incidents, incidentRows: _rows, ...figures } = insights;
  const overdue = figures.actionItems.overdue.items.slice(0, OVERDUE_SHOWN);
  return {
    ...withoutIds({ ...figures, actionItems: { ...figures.actionItems, overdue: { ...figures.actionItems.overdue, items: overdue } } }),
    overdueIncidents: Object.fromEntries(overdue.map((i) => [i.incidentId, incidents[i.incidentId]])),
  };
}
export type InsightsPageData = ReturnType<typeof insightsPageData>;
