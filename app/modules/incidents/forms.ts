// The declare form and the incident room's forms post plain fields; these shape them into the API's patch
// objects, so forms and the JSON API go through the same schema and the same module.
import type { TimelineEntryView } from "~/modules/timeline/view.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";
import { instantFromZonedInput } from "~/utils/time.ts";
import { MILESTONES } from "./lifecycle.ts";
import type { IncidentView } from "./view.ts";

const emptyToNull = (v: FormDataEntryValue | null) => (v === null || v === "" ? null : String(v));

/** "2026-11-25T14:05" from <input type="datetime-local">, read as the wall-clock time in `zone`. */
export function zonedInstant(value: FormDataEntryValue | null, zone: string): string | null {
  const v = emptyToNull(value);
  return v === null ? null : instantFromZonedInput(v, zone);
}

/** "2026-11-25T14:05" from <input type="datetime-local">, read as UTC. */
export function utcInstant(value: FormDataEntryValue | null): string | null {
  return zonedInstant(value, "Etc/UTC");
}

/** The impact:<componentId> selects, without the ones left at "not affected". */
function componentsFromForm(form: FormData): { id: string; impact: string }[] {
  const components: { id: string; impact: string }[] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith("impact:") && value !== "") components.push({ id: key.slice("impact:".length), impact: String(value) });
  }
  return components;
}

/** The declare form as DeclareIncidentSchema's input, Started/Detected read in `zone`; "lead: me" is resolved by the caller. */
export function declareFromForm(form: FormData, zone = "Etc/UTC") {
  return {
    title: form.get("title"),
    severity: form.get("severity"),
    summary: form.get("summary") ?? "",
    components: componentsFromForm(form),
    regions: form.getAll("regions").map(String),
    leadIsMe: form.get("lead") === "me",
    startedAt: zonedInstant(form.get("startedAt"), zone) ?? undefined,
    detectedAt: zonedInstant(form.get("detectedAt"), zone) ?? undefined,
  };
}

/** The room's forms as IncidentPatchSchema's input; milestones are read in `zone`, the zone the inputs showed. */
export function patchFromRoomForm(intent: string, form: FormData, zone = "Etc/UTC"): Record<string, unknown> | null {
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
        // A field left as shown is not a correction: its input holds whole minutes, the milestone may not.
        if (form.has(`${m}Shown`) && form.get(m) === form.get(`${m}Shown`)) continue;
        const value = zonedInstant(form.get(m), zone);
        if (value !== null || (m !== "startedAt" && m !== "detectedAt")) patch[m] = value;
      }
      patch.moveImpactWindows = form.get("moveImpactWindows") === "on";
      return patch;
    }
    default:
      return null;
  }
}

/**
 * What the incident room's forms answer (decision 0057): `form` is the control's intent ("status",
 * "details", "components", "milestones", "impact") or `<intent>:<entryId>` for an entry's buttons;
 * done, the changed entry or incident.
 */
export type RoomFormOutcome = FormOutcome<{ entry?: TimelineEntryView; incident?: IncidentView }>;
