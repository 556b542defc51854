import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Composer } from "~/components/room/composer.tsx";
import { RoomHeader } from "~/components/room/header.tsx";
import { RoomKeyboard } from "~/components/room/room-keyboard.tsx";
import { RoomTabs } from "~/components/room/room-tabs.tsx";
import { ImpactHistory } from "~/components/room/impact-history.tsx";
import { IncidentControls } from "~/components/room/incident-controls.tsx";
import { TimelineList } from "~/components/room/timeline-list.tsx";
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
import { deleteTimelineEntry, editTimelineEntry, EntryPatchSchema, listTimelineEntries } from "~/modules/timeline/entries.server.ts";
import { formErrorsFrom, readForm } from "~/utils/form.server.ts";
import { fieldErrors } from "~/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const incident = await getIncident(await requireIncidentId(params.id!));
  if (!incident) throw new Response("Incident not found", { status: 404 });
  const canWrite = can(actor.role, "incident:write");
  const [entries, people, components, regions] = await Promise.all([
    listTimelineEntries(incident.id),
    canWrite ? listResponders() : [],
    canWrite ? listComponents() : [],
    canWrite ? listRegions() : [],
  ]);
  return {
    incident,
    entries,
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

/** The newest entry still there (by when it happened), for "pin the last entry". */
function lastEntryOf(entries: { id: string; pinned: boolean; occurredAt: string; seq: number; deletedAt: string | null }[]) {
  const last = entries.filter((e) => !e.deletedAt).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.seq - b.seq).at(-1);
  return last ? { id: last.id, pinned: last.pinned } : null;
}

export default function IncidentRoom() {
  const data = useLoaderData<typeof loader>();
  const live = useIncidentStream({ incident: data.incident, entries: data.entries, lastSeq: data.lastSeq });
  const outbox = useOutbox(data.incident.id, live.addEntry);
  return (
    <div>
      <p className="mb-2 text-sm print:hidden">
        <Link to="/incidents">← All incidents</Link>
      </p>
      <RoomHeader incident={live.incident} timeZone={data.timeZone} connection={live.connection} />
      <RoomTabs incidentId={live.incident.id} />
      <RoomKeyboard incidentId={live.incident.id} lastEntry={lastEntryOf(live.entries)} canWrite={data.canWrite} />
      <ImpactHistory incident={live.incident} timeZone={data.timeZone} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="timeline-heading" className="min-w-0">
          <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
            Timeline
          </h2>
          <TimelineList
            entries={live.entries}
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
