// The incident room's form posts (decision 0044): the incident layout route (/incidents/:id) and
// its Timeline tab (/incidents/:id?index, where the room's own forms post) answer them alike.
// Every answer is a RoomFormOutcome (decision 0057) naming the form that posted.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { Actor } from "~/modules/auth/actor.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { patchFromRoomForm, type RoomFormOutcome } from "~/modules/incidents/forms.ts";
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
type RoomIntent = z.output<typeof RoomIntent>;
type EntryIntent = Extract<RoomIntent, "pin-entry" | "edit-entry" | "delete-entry">;
type ShownIntent = Exclude<RoomIntent, EntryIntent>;

export async function roomAction(request: Request, idOrRef: string) {
  const actor = await requireActor(request, "incident:write");
  const id = await requireIncidentId(idOrRef);
  const form = await readForm(request);
  // the form that posted: "room" until its intent is known
  let name = "room";
  try {
    const intent = readIntent(form, RoomIntent);
    switch (intent) {
      case "pin-entry":
      case "edit-entry":
      case "delete-entry": {
        const entryId = String(form.get("entryId") ?? "");
        name = `${intent}:${entryId}`;
        return await changeEntry(actor, id, intent, entryId, form, name);
      }
      case "impact":
      case "status":
      case "details":
      case "components":
      case "milestones": {
        name = intent;
        // The time inputs say which zone they were shown in: a page open since the reader changed zone still means what it showed.
        const zone = formTimeZone(form, actor.timeZone);
        if (!zone.success) return refused(name, zone.error);
        return await changeShown(actor, id, intent, form, zone.zone);
      }
      default:
        return unhandledIntent(intent);
    }
  } catch (error) {
    // The module's own status: an entry of another incident is 404, not a field to correct.
    return formFailed(error, { form: name });
  }
}

/** A field the form got wrong: 422 with one message per field. */
const refused = (form: string, error: z.ZodError) =>
  data<RoomFormOutcome>({ ok: false, form, errors: fieldErrors(error) }, { status: 422 });

async function changeEntry(actor: Actor, id: string, intent: EntryIntent, entryId: string, form: FormData, name: string) {
  switch (intent) {
    case "pin-entry":
      return await editEntry(actor, id, entryId, name, { pinned: form.get("pinned") === "true" });
    case "edit-entry":
      return await editEntry(actor, id, entryId, name, { body: form.get("body") });
    case "delete-entry":
      return { ok: true, form: name, entry: await deleteTimelineEntry(actor, id, entryId) } satisfies RoomFormOutcome;
    default:
      return unhandledIntent(intent);
  }
}

async function editEntry(actor: Actor, id: string, entryId: string, name: string, patch: Record<string, unknown>) {
  const parsed = EntryPatchSchema.safeParse(patch);
  if (!parsed.success) return refused(name, parsed.error);
  return { ok: true, form: name, entry: await editTimelineEntry(actor, id, entryId, parsed.data) } satisfies RoomFormOutcome;
}

/** The controls whose times are read in the zone the form was shown in. */
async function changeShown(actor: Actor, id: string, intent: ShownIntent, form: FormData, zone: string) {
  switch (intent) {
    case "impact": {
      const windows = ImpactWindowsSchema.safeParse(impactWindowsFromForm(form, zone));
      if (!windows.success) return refused(intent, windows.error);
      return { ok: true, form: intent, incident: await replaceImpactWindows(actor, id, windows.data.windows) } satisfies RoomFormOutcome;
    }
    case "status":
    case "details":
    case "components":
    case "milestones": {
      const parsed = IncidentPatchSchema.safeParse(patchFromRoomForm(intent, form, zone));
      if (!parsed.success) return refused(intent, parsed.error);
      return { ok: true, form: intent, incident: await changeIncident(actor, id, parsed.data) } satisfies RoomFormOutcome;
    }
    default:
      return unhandledIntent(intent);
  }
}
