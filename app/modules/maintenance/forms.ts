// The maintenance page's forms post plain fields; these shape them into the objects the JSON
// API takes, so both go through NewMaintenanceSchema / MaintenanceUpdateSchema. Pure: no I/O.
import { zonedInstant } from "~/modules/incidents/forms.ts";
import type { MaintenanceStatusName } from "~/modules/status-page/model.ts";
import { instantFromZonedInput, zonedInputValue } from "~/utils/time.ts";

/** What the schedule form posted, handed back so a page without JavaScript keeps the input. */
export type NewMaintenanceFormValues = {
  title: string;
  scheduledFor: string;
  scheduledUntil: string;
  components: string[];
  body: string;
  notify: boolean;
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export function newMaintenanceValues(form: FormData): NewMaintenanceFormValues {
  return {
    title: text(form, "title"),
    scheduledFor: text(form, "scheduledFor"),
    scheduledUntil: text(form, "scheduledUntil"),
    components: form.getAll("components").filter((c): c is string => typeof c === "string"),
    body: text(form, "body"),
    notify: form.get("notify") === "on",
  };
}

/** The schedule form as NewMaintenanceSchema's input: the datetime-local fields are read in `zone`, the zone they were shown in. */
export function newMaintenanceInput(values: NewMaintenanceFormValues, zone = "Etc/UTC") {
  return {
    title: values.title,
    // an empty field must read as missing, not as the start of 1970
    scheduledFor: zonedInstant(values.scheduledFor, zone) ?? undefined,
    scheduledUntil: zonedInstant(values.scheduledUntil, zone) ?? undefined,
    components: values.components,
    body: values.body.trim() ? values.body : undefined,
    notify: values.notify,
  };
}

/** A move button (its status) or the message form (its text) as MaintenanceUpdateSchema's input. */
export function maintenanceUpdateInput(form: FormData, intent: "move" | "message") {
  if (intent === "move") return { status: text(form, "status") };
  return { body: text(form, "body") };
}

/** What a person presses to move a window to `to` from `from`. */
export function moveLabel(from: MaintenanceStatusName, to: MaintenanceStatusName): string {
  if (to === "in_progress") return from === "verifying" ? "Back to in progress" : "Start now";
  if (to === "verifying") return "Verifying";
  if (to === "completed") return "Complete now";
  return "Scheduled";
}

/** Windows as the page lists them: running first, then upcoming (soonest first), then the last completed. */
export function maintenanceSections<T extends { status: MaintenanceStatusName; scheduledFor: string; completedAt: string | null }>(
  windows: T[],
) {
  const by = (a: string, b: string) => new Date(a).getTime() - new Date(b).getTime();
  return {
    inProgress: windows
      .filter((w) => w.status === "in_progress" || w.status === "verifying")
      .sort((a, b) => by(a.scheduledFor, b.scheduledFor)),
    upcoming: windows.filter((w) => w.status === "scheduled").sort((a, b) => by(a.scheduledFor, b.scheduledFor)),
    completed: windows
      .filter((w) => w.status === "completed")
      .sort((a, b) => by(b.completedAt ?? b.scheduledFor, a.completedAt ?? a.scheduledFor)),
  };
}

/** The schedule form's first suggestion: the next full hour in `zone`, for two hours (input values in that zone). */
export function suggestedWindow(now = new Date(), zone = "Etc/UTC"): { scheduledFor: string; scheduledUntil: string } {
  const hour = `${zonedInputValue(now, zone).slice(0, 13)}:00`;
  const start = new Date(instantFromZonedInput(hour, zone)).getTime() + 60 * 60 * 1000;
  return {
    scheduledFor: zonedInputValue(new Date(start), zone),
    scheduledUntil: zonedInputValue(new Date(start + 2 * 60 * 60 * 1000), zone),
  };
}
