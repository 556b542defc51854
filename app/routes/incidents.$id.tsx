import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { Composer } from "~/components/room/composer.tsx";
import { RoomHeader } from "~/components/room/header.tsx";
import { RoomKeyboard } from "~/components/room/room-keyboard.tsx";
import { RoomTabs } from "~/components/room/room-tabs.tsx";
import { ImpactHistory } from "~/components/room/impact-history.tsx";
import { IncidentControls } from "~/components/room/incident-controls.tsx";
import { TimelineList } from "~/components/room/timeline-list.tsx";
import { EarlierEntries, LaterEntries, useEntryLinks } from "~/components/room/timeline-pages.tsx";
import { lastEntryOf } from "~/components/room/timeline-window.ts";
import { useIncidentStream } from "~/components/room/use-incident-stream.ts";
import { useOutbox } from "~/components/room/use-outbox.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { listResponders } from "~/modules/auth/users.server.ts";
import { listComponents, listRegions } from "~/modules/components/catalog.server.ts";
import { getIncident, requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { patchFromRoomForm } from "~/modules/incidents/forms.ts";
import { IncidentPatchSchema } from "~/modules/incidents/schemas.ts";
import { updateIncident } from "~/modules/incidents/update.server.ts";
import { deleteTimelineEntry, editTimelineEntry, EntryPatchSchema } from "~/modules/timeline/entries.server.ts";
import { newestWindow, windowAround } from "~/modules/timeline/window.server.ts";
import { formErrorsFrom, readForm } from "~/utils/form.server.ts";
import { fieldErrors, parseQuery } from "~/utils/http.server.ts";

/** `?entry=12` opens the room on the entry created at seq 12 (links also say `#entry-12`). */
const RoomQuerySchema = z.object({
  entry: z.coerce.number({ message: "must be an entry's sequence number" }).int().min(1).max(2_147_483_647).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const query = parseQuery(request, RoomQuerySchema);
  const incident = await getIncident(await requireIncidentId(params.id!));
  if (!incident) throw new Response("Incident not found", { status: 404 });
  const canWrite = can(actor.role, "incident:write");
  const [timeline, people, components, regions] = await Promise.all([
    query.entry ? windowAround(incident.id, query.entry) : newestWindow(incident.id),
    canWrite ? listResponders() : [],
    canWrite ? listComponents() : [],
    canWrite ? listRegions() : [],
  ]);
  return {
    incident,
    timeline,
    lastSeq: incident.lastSeq,
    timeZone: actor.timeZone,
    canWrite,
    controls: { people, components, regions: regions.map((r) => ({ id: r.id, slug: r.slug, name: r.name })) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "incident:write");
  const id = await requireIncidentId(params.id!);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "pin-entry" || intent === "edit-entry" || intent === "delete-entry") {
      const entryId = String(form.get("entryId") ?? "");
      if (intent === "delete-entry") return { ok: true, entry: await deleteTimelineEntry(actor, id, entryId) };
      const parsed = EntryPatchSchema.safeParse(intent === "pin-entry" ? { pinned: form.get("pinned") === "true" } : { body: form.get("body") });
      if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 422 });
      return { ok: true, entry: await editTimelineEntry(actor, id, entryId, parsed.data) };
    }
    const shaped = patchFromRoomForm(intent, form);
    if (!shaped) return Response.json({ errors: { intent: "unknown action" } }, { status: 400 });
    const parsed = IncidentPatchSchema.safeParse(shaped);
    if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 422 });
    return { ok: true, incident: await updateIncident(actor, id, parsed.data) };
  } catch (error) {
    const errors = await formErrorsFrom(error);
    return Response.json({ errors }, { status: 422 });
  }
}

/** The event stream keeps the room current; a submitted form need not reload it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod && formMethod !== "GET" ? false : defaultShouldRevalidate;

export default function IncidentRoom() {
  const data = useLoaderData<typeof loader>();
  const live = useIncidentStream({ incident: data.incident, timeline: data.timeline, lastSeq: data.lastSeq });
  const outbox = useOutbox(data.incident.id, live.addEntry);
  const anchor = data.timeline.anchor;
  useEntryLinks(anchor?.found ? anchor.seq : null);
  return (
    <div>
      <p className="mb-2 text-sm print:hidden">
        <Link to="/incidents">← All incidents</Link>
      </p>
      <RoomHeader incident={live.incident} timeZone={data.timeZone} connection={live.connection} />
      <RoomTabs incidentId={live.incident.id} />
      <RoomKeyboard incidentId={live.incident.id} lastEntry={lastEntryOf(live.timeline)} canWrite={data.canWrite} />
      <ImpactHistory incident={live.incident} timeZone={data.timeZone} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="timeline-heading" className="min-w-0">
          <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
            Timeline
          </h2>
          {anchor && !anchor.found ? (
            <p role="status" className="mb-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {`This incident has no entry ${anchor.seq}; here are its newest entries.`}
            </p>
          ) : null}
          <TimelineList
            entries={live.timeline.entries}
            markedSeq={anchor?.found ? anchor.seq : null}
            before={<EarlierEntries incidentId={live.incident.id} timeline={live.timeline} onPage={live.addPage} />}
            after={<LaterEntries incidentId={live.incident.id} timeline={live.timeline} onPage={live.addPage} />}
            pending={outbox.pending}
            timeZone={data.timeZone}
            canWrite={data.canWrite}
            onDiscard={outbox.discard}
            onRetry={outbox.retry}
          />
          {data.canWrite ? (
            <div className="sticky bottom-0 mt-2 bg-slate-50 pb-2 pt-1">
              <Composer onSend={outbox.send} />
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-600">Your role can read this incident but not write to it.</p>
          )}
        </section>
        {data.canWrite ? (
          <aside aria-label="Incident controls">
            <IncidentControls incident={live.incident} data={data.controls} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.incident.ref} ${data.incident.title} · Incident Desk` : "Incident · Incident Desk" },
];
