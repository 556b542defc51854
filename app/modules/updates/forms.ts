// The comms tab's form fields, shaped into the same input the API takes, so one schema
// checks both.
import type { FormOutcome } from "~/utils/form-outcome.ts";
import type { UpdateView } from "./views.ts";

export function updateInputFromForm(form: FormData) {
  const components: { id: string; status: string }[] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith("component.") && typeof value === "string" && value !== "")
      components.push({ id: key.slice("component.".length), status: value });
  }
  const next = String(form.get("nextUpdateInMinutes") ?? "");
  const title = String(form.get("title") ?? "").trim();
  return {
    status: String(form.get("status") ?? ""),
    body: String(form.get("body") ?? ""),
    ...(title ? { title } : {}),
    components,
    notify: form.get("notify") === "on",
    nextUpdateInMinutes: next === "" ? null : Number(next),
  };
}

/**
 * What the comms tab's forms answer (decision 0057): `form` is "composer" for a new update,
 * `<intent>:<updateId>` for an update's buttons and forms, `promote:<entryId>` for a timeline
 * entry made a draft, "comms" for an unknown intent; done, the update it made or changed.
 */
export type CommsFormOutcome = FormOutcome<{ update?: UpdateView }>;
