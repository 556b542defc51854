// The incident room's form posts (decision 0044): the incident layout route (/incidents/:id) and
// its Timeline tab (/incidents/:id?index, where the room's own forms post) answer them alike.
import { data } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { patchFromRoomForm } from "~/modules/incidents/forms.ts";
import { impactWindowsFromForm } from "~/modules/incidents/impact-forms.ts";
import { replaceImpactWindows } from "~/modules/incidents/impact.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { ImpactWindowsSchema, IncidentPatchSchema } from "~/modules/incidents/schemas.ts";
import { changeIncident } from "~/modules/incidents/change.server.ts";
import { deleteTimelineEntry, editTimelineEntry, EntryPatchSchema } from "~/modules/timeline/entries.server.ts";
import { readForm } from "~/utils/form.server.ts";
import { formFailed } from "~/utils/page-boundary.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { formTimeZone } from "~/utils/time-zones.ts";

export async function roomAction(request: Request, idOrRef: string) {
  const actor = await requireActor(request, "incident:write");
  const id = await requireIncidentId(idOrRef);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "pin-entry" || intent === "edit-entry" || intent === "delete-entry") {
      const entryId = String(form.get("entryId") ?? "");
      if (intent === "delete-entry") return { ok: true, entry: await deleteTimelineEntry(actor, id, entryId) };
      const parsed = EntryPatchSchema.safeParse(intent === "pin-entry" ? { pinned: form.get("pinned") === "true" } : { body: form.get("body") });
      if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 422 });
      return { ok: true, entry: await editTimelineEntry(actor, id, entryId, parsed.data) };
    }
    // the time inputs say which zone they were shown in; a page open since the reader changed zone still means what it showed
    const zone = formTimeZone(form, actor.timeZone);
    if (!zone.success) return data({ errors: fieldErrors(zone.error) }, { status: 422 });
    if (intent === "impact") {
      const windows = ImpactWindowsSchema.safeParse(impactWindowsFromForm(form, zone.zone));
      if (!windows.success) return data({ errors: fieldErrors(windows.error) }, { status: 422 });
      return { ok: true, incident: await replaceImpactWindows(actor, id, windows.data.windows) };
    }
    const shaped = patchFromRoomForm(intent, form, zone.zone);
    if (!shaped) return data({ errors: { intent: "unknown action" } }, { status: 400 });
    const parsed = IncidentPatchSchema.safeParse(shaped);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 422 });
    return { ok: true, incident: await changeIncident(actor, id, parsed.data) };
  } catch (error) {
    // The module's own status: an entry of another incident is 404, not a field to correct.
    return formFailed(error);
  }
}
