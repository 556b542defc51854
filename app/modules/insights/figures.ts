// Finding a figure by its key (the link from a number on the page to the incidents behind it),
// and the page's copy of the insights without the id lists (which only the JSON needs). Pure.
import type { Insights } from "./model.ts";

export type FoundFigure = { key: string; incidentIds: string[] };

function isFigure(value: unknown): value is FoundFigure {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { key?: unknown }).key === "string" &&
    Array.isArray((value as { incidentIds?: unknown }).incidentIds)
  );
}

/** Every figure in the insights, by key. A loop, not recursion: the shape is shallow but open. */
export function figuresByKey(insights: Insights): Map<string, FoundFigure> {
  const found = new Map<string, FoundFigure>();
  const { counts, incidentsPerWeek, timeTo, uptime, sla, actionItems, postmortems, comms } = insights;
  const stack: unknown[] = [counts, incidentsPerWeek, timeTo, uptime, sla, actionItems, postmortems, comms];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
    } else if (typeof value === "object" && value !== null && !(value instanceof Date)) {
      if (isFigure(value) && !found.has(value.key)) found.set(value.key, { key: value.key, incidentIds: value.incidentIds });
      for (const [k, child] of Object.entries(value)) if (k !== "incidentIds") stack.push(child);
    }
  }
  return found;
}

/** Drops `incidentIds` at every depth, keeping the count of them as `incidentCount`. */
export type WithoutIds<T> = T extends (infer U)[]
  ? WithoutIds<U>[]
  : T extends object
    ? { [K in keyof T as K extends "incidentIds" ? never : K]: WithoutIds<T[K]> } & (T extends { incidentIds: string[] }
        ? { incidentCount: number }
        : unknown)
    : T;

export function withoutIds<T>(value: T): WithoutIds<T> {
  if (Array.isArray(value)) return value.map(withoutIds) as WithoutIds<T>;
  if (typeof value !== "object" || value === null || value instanceof Date) return value as WithoutIds<T>;
  const out: Record<string, unknown> = {};
  for (const [k, child] of Object.entries(value)) {
    if (k === "incidentIds") out.incidentCount = (child as string[]).length;
    else out[k] = withoutIds(child);
  }
  return out as WithoutIds<T>;
}

const MEASURE_WORDS: Record<string, string> = {
  detect: "Time to detect",
  acknowledge: "Time to acknowledge",
  mitigate: "Time to mitigate",
  resolve: "Time to resolve",
};

/** A figure's key in words, for the heading of the list of incidents behind it. */
export function describeFigure(key: string, componentName: (id: string) => string | undefined = () => undefined): string {
  const [kind, a, b] = key.split(".");
  const part = (value: string | undefined) => (value === "previous" ? "the period before" : value);
  switch (kind) {
    case "incidents":
      return a === "previous" ? "Incidents in the period before" : a ? `${a} incidents` : "All incidents";
    case "week":
      return b ? `${b} incidents started in week ${a}` : `Incidents started in week ${a}`;
    case "timeTo":
      return [MEASURE_WORDS[a] ?? a, part(b)].filter(Boolean).join(" · ");
    case "uptime":
      return `Incidents that affected ${componentName(a) ?? a} in the last ${b} days`;
    case "sla":
      return `Incidents that affected ${componentName(a) ?? a} in ${b}`;
    case "actions":
      if (a === "overdue") return "Incidents with action items open past their due date";
      if (a === "timeToClose") return "Incidents whose action items were closed in the range";
      return `Incidents whose action items were ${a} in ${b}`;
    case "postmortems":
      return a === "overdue" ? "Incidents whose post-mortem is overdue" : "Incidents that owe a published post-mortem";
    case "comms":
      if (a === "promises") return b ? "Incidents with promised updates, the period before" : "Incidents with promised updates";
      return ["Time to the first public update", part(b)].filter(Boolean).join(" · ");
    default:
      return key;
  }
}
