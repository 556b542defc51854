// The incident room's form posts (decision 0044): the incident layout route (/incidents/:id) and
// its Timeline tab (/incidents/:id?index, where the room's own forms post) answer them alike.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Actor } from "~/modules/auth/actor.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { patchFromRoomForm } from "~/modules/incidents/forms.ts";
import { impactWindowsFromForm } from "~/modules/incidents/impact-forms.ts";
import { replaceImpactWindows } from "~/modules/incidents/impact.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { ImpactWindowsSchema, IncidentPatchSchema } from "~/modules/incidents/schemas.ts";
import { changeIncident } from "~/modules/incidents/change.server.ts";
import { deleteTimelineEntry, editTimelineEntry, EntryPatchSchema } from "~/modules/timeline/entries.server.ts";
import { readForm, readIntent, unhandledIntent } from "~/utils/form.server.ts";
import { formFailed } from "~/utils/page-boundary.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { formTimeZone } from "~/utils/time-zones.ts";

const RoomIntent = z.enum(["pin-entry", "edit-entry", "delete-entry", "impact", "status", "details", "components", "milestones"]);

export async function roomAction(request: Request, idOrRef: string) {
  const actor = await requireActor(request, "incident:write");
  const id = await requireIncidentId(idOrRef);
  const form = await readForm(request);
  try {
    const intent = readIntent(form, RoomIntent);
    switch (intent) {
      case "pin-entry":
        return await editEntry(actor, id, form, { pinned: form.get("pinned") === "true" });
      case "edit-entry":
        return await editEntry(actor, id, form, { body: form.get("body") });
      case "delete-entry":
        return { ok: true, entry: await deleteTimelineEntry(actor, id, String(form.get("entryId") ?? "")) };
      case "impact": {
        const zone = shownZone(form, actor);
        if (!zone.success) return data({ errors: fieldErrors(zone.error) }, { status: 422 });
        const windows = ImpactWindowsSchema.safeParse(impactWindowsFromForm(form, zone.zone));
        if (!windows.success) return data({ errors: fieldErrors(windows.error) }, { status: 422 });
        return { ok: true, incident: await replaceImpactWindows(actor, id, windows.data.windows) };
      }
      case "status":
      case "details":
      case "components":
      case "milestones": {
        const zone = shownZone(form, actor);
        if (!zone.success) return data({ errors: fieldErrors(zone.error) }, { status: 422 });
        const parsed = IncidentPatchSchema.safeParse(patchFromRoomForm(intent, form, zone.zone));
        if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 422 });
        return { ok: true, incident: await changeIncident(actor, id, parsed.data) };
      }
      default:
        return unhandledIntent(intent);
    }
  } catch (error) {
    // The module's own status: an entry of another incident is 404, not a field to correct.
    return formFailed(error);
  }
}

/** The time inputs say which zone they were shown in: a page open since the reader changed zone still means what it showed. */
const shownZone = (form: FormData, actor: Actor) => formTimeZone(form, actor.timeZone);

async function editEntry(actor: Actor, id: string, form: FormData, patch: Record<string, unknown>) {
  const parsed = EntryPatchSchema.safeParse(patch);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 422 });
  return { ok: true, entry: await editTimelineEntry(actor, id, String(form.get("entryId") ?? ""), parsed.data) };
}
