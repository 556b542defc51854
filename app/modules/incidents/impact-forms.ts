// The room's impact table posts one row per window as parallel fields (componentId, impact,
// startedAt, endedAt, each time with what the input showed and the exact time it stood for);
// this shapes them into PUT /api/v1/incidents/:id/impact's body, so both go through one schema.
import { zonedInstant } from "./forms.ts";

const FIELDS = ["componentId", "impact", "startedAt", "startedAtShown", "startedAtWas", "endedAt", "endedAtShown", "endedAtWas"] as const;

/**
 * A time left as the input showed it keeps its exact value (inputs hold whole minutes); a changed one
 * is read as the wall-clock time in `zone`, the zone the inputs were shown in.
 */
function timeOf(value: string, shown: string, was: string, zone: string): string | null {
  if (shown !== "" && value === shown) return was || null;
  return zonedInstant(value, zone);
}

export function impactWindowsFromForm(form: FormData, zone = "Etc/UTC") {
  const column = Object.fromEntries(FIELDS.map((f) => [f, form.getAll(f).map(String)])) as Record<(typeof FIELDS)[number], string[]>;
  return {
    windows: column.componentId.map((componentId, i) => {
      const at = (field: "startedAt" | "endedAt") =>
        timeOf(column[field][i] ?? "", column[`${field}Shown`][i] ?? "", column[`${field}Was`][i] ?? "", zone);
      return { componentId, impact: column.impact[i] ?? "", startedAt: at("startedAt"), endedAt: at("endedAt") };
    }),
  };
}
