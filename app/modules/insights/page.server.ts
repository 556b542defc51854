// The pages' reading of a query: a filter the form got wrong is named and left out, and the
// figures are shown for the rest (the JSON API and the CSV answer a bad query with a 400).
import { isDomainError } from "~/utils/errors.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { computeInsights } from "./insights.ts";
import { loadInsightsData } from "./insights.server.ts";
import { InsightsQuerySchema } from "./query.ts";

const FILTER_KEYS = ["from", "to", "severity", "component", "sla"] as const;

async function errorFields(error: unknown): Promise<Record<string, string> | null> {
  return isDomainError(error, "bad_request") ? error.fields : null;
}

/** The insights for the filters in `searchParams`, the problems with any that could not be used, and the query that was used. */
export async function loadInsightsForPage(searchParams: URLSearchParams, now = new Date()) {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = searchParams.get(key)?.trim();
    if (value) raw[key] = value;
  }
  const errors: Record<string, string> = {};
  let kept = { ...raw };
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = InsightsQuerySchema.safeParse(kept);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      Object.assign(errors, fields);
      kept = Object.fromEntries(Object.entries(kept).filter(([k]) => !(k in fields)));
      continue;
    }
    try {
      const data = await loadInsightsData(parsed.data, now);
      return { insights: computeInsights(data), data, catalog: data.components, errors, query: new URLSearchParams(kept) };
    } catch (error) {
      const fields = await errorFields(error);
      if (!fields) throw error;
      Object.assign(errors, fields);
      // A range that does not work is dropped whole: half of it means something else.
      const dropped = "from" in fields || "to" in fields ? ["from", "to", ...Object.keys(fields)] : Object.keys(fields);
      kept = Object.fromEntries(Object.entries(kept).filter(([k]) => !dropped.includes(k)));
    }
  }
  throw new Error("The insights query could not be used even without its filters.");
}
