// Compares the insights computed from two databases (scripts/db/insights-figures.ts): the same
// figures, field for field, and a few headline lines to print. Lists of incident ids and
// component names follow each database's query plan, so they are compared as sets. Pure.

type Figures = Record<
  string,
  {
    counts?: { count?: number };
    timeTo?: Record<string, { count?: number; median?: number | null }>;
    postmortems?: { owed?: { count?: number } };
    actionItems?: { overdue?: { count?: number } };
  }
>;

function canonical(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return (key === "incidentIds" || key === "components") && items.every((v) => typeof v === "string")
      ? [...(items as string[])].sort()
      : items;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v, k)]));
  return value;
}

/** The path of the first value that differs, or null when both are the same. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (a === b) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b))
    return path || "(top)";
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

export function compareFigures(sqlite: Figures, postgres: Figures): { same: boolean; firstDifference: string | null; lines: string[] } {
  const difference = firstDifference(canonical(sqlite), canonical(postgres), "");
  const lines: string[] = [];
  const row = (label: string, a: unknown, b: unknown) =>
    lines.push(
      `${label.padEnd(48)}  ${String(a ?? "-").padStart(9)}  ${String(b ?? "-").padStart(9)}${JSON.stringify(a) === JSON.stringify(b) ? "" : "  DIFFERENT"}`,
    );
  for (const filter of Object.keys(sqlite)) {
    const [a, b] = [sqlite[filter], postgres[filter] ?? {}];
    row(`${filter}: incidents`, a.counts?.count, b.counts?.count);
    for (const measure of Object.keys(a.timeTo ?? {}).filter((m) => !["bySeverity", "byMonth", "previous"].includes(m))) {
      row(`${filter}: median time to ${measure} (s)`, a.timeTo?.[measure]?.median, b.timeTo?.[measure]?.median);
    }
    row(`${filter}: post-mortems owed`, a.postmortems?.owed?.count, b.postmortems?.owed?.count);
    row(`${filter}: action items overdue`, a.actionItems?.overdue?.count, b.actionItems?.overdue?.count);
  }
  return { same: difference === null, firstDifference: difference, lines };
}
