// The declare form and the incident room's forms post plain fields; these shape them into the API's patch
// objects, so forms and the JSON API go through the same schema and the same module.
import { MILESTONES } from "./lifecycle.ts";

const emptyToNull = (v: FormDataEntryValue | null) => (v === null || v === "" ? null : String(v));

/** "2026-11-25T14:05" from <input type="datetime-local">, read as UTC. */
export function utcInstant(value: FormDataEntryValue | null): string | null {
  const v = emptyToNull(value);
  if (v === null) return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00.000Z` : v;
}

/** The impact:<componentId> selects, without the ones left at "not affected". */
function componentsFromForm(form: FormData): { id: string; impact: string }[] {
  const components: { id: string; impact: string }[] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith("impact:") && value !== "") components.push({ id: key.slice("impact:".length), impact: String(value) });
  }
  return components;
}

/** The declare form as DeclareIncidentSchema's input; "lead: me" is resolved by the caller. */
export function declareFromForm(form: FormData) {
  return {
    title: form.get("title"),
    severity: form.get("severity"),
    summary: form.get("summary") ?? "",
    components: componentsFromForm(form),
    regions: form.getAll("regions").map(String),
    leadIsMe: form.get("lead") === "me",
    startedAt: utcInstant(form.get("startedAt")) ?? undefined,
    detectedAt: utcInstant(form.get("detectedAt")) ?? undefined,
  };
}

export function patchFromRoomForm(intent: string, form: FormData): Record<string, unknown> | null {
  switch (intent) {
    case "status":
      return { status: form.get("status") };
    case "details":
      return {
        severity: form.get("severity"),
        commanderId: emptyToNull(form.get("commanderId")),
        commsLeadId: emptyToNull(form.get("commsLeadId")),
        scribeId: emptyToNull(form.get("scribeId")),
      };
    case "components":
      return { components: componentsFromForm(form), regions: form.getAll("regions").map(String) };
    case "milestones": {
      const patch: Record<string, unknown> = {};
      for (const m of MILESTONES) {
        const value = utcInstant(form.get(m));
        if (value !== null || (m !== "startedAt" && m !== "detectedAt")) patch[m] = value;
      }
      return patch;
    }
    default:
      return null;
  }
}
