// The incident's Timeline tab (/incidents/:id), a child of the incident layout (decision 0044).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { Composer } from "~/components/room/composer.tsx";
import { RoomKeyboard } from "~/components/room/room-keyboard.tsx";
import { IncidentControls } from "~/components/room/incident-controls.tsx";
import { TimelineList } from "~/components/room/timeline-list.tsx";
import { EarlierEntries, LaterEntries, useEntryLinks } from "~/components/room/timeline-pages.tsx";
import { incidentOf, useIncidentLayoutData } from "~/components/room/layout-data.ts";
import { lastEntryOf } from "~/components/room/timeline-window.ts";
import { useIncidentStream } from "~/components/room/use-incident-stream.ts";
import { useOutbox } from "~/components/room/use-outbox.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { incidentLastSeq, requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { roomAction } from "~/http/room-action.server.ts";
import { newestWindow, windowAround } from "~/modules/timeline/window.server.ts";
import { parseQuery } from "~/utils/http.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

/** `?entry=12` opens the room on the entry created at seq 12 (links also say `#entry-12`). */
const RoomQuerySchema = z.object({
  entry: z.coerce.number({ message: "must be an entry's sequence number" }).int().min(1).max(2_147_483_647).optional(),
});

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const query = parseQuery(request, RoomQuerySchema);
  const id = await requireIncidentId(params.id!);
  // the seq before the window, so the layout's stream hands this tab every event after it
  const lastSeq = await incidentLastSeq(id);
  if (lastSeq === null) throw new Response("Incident not found", { status: 404 });
  const timeline = await (query.entry ? windowAround(id, query.entry) : newestWindow(id));
  return {
    timeline,
    lastSeq,
    timeZone: actor.timeZone,
    canWrite: can(actor.role, "incident:write"),
    canDraft: can(actor.role, "update:draft"),
  };
});

/** The room's forms post here (/incidents/:id?index); /incidents/:id answers the same (the layout's action). */
export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  return roomAction(request, params.id!);
});

/** The event stream keeps the room current; a submitted form need not reload it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod && formMethod !== "GET" ? false : defaultShouldRevalidate;

export default function IncidentRoom() {
  const data = useLoaderData<typeof loader>();
  const layout = useIncidentLayoutData();
  const live = useIncidentStream({ timeline: data.timeline, lastSeq: data.lastSeq });
  const outbox = useOutbox(live.incident.id, live.addEntry);
  const anchor = data.timeline.anchor;
  useEntryLinks(anchor?.found ? anchor.seq : null);
  return (
    <div>
      <RoomKeyboard incidentId={live.incident.id} lastEntry={lastEntryOf(live.timeline)} canWrite={data.canWrite} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="timeline-heading" className="min-w-0">
          <h2 id="timeline-heading" className="sr-only">
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
            <IncidentControls incident={live.incident} data={layout.controls} canDraft={data.canDraft} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const incident = incidentOf(matches);
  return [{ title: incident ? `${incident.ref} ${incident.title} · Incident Desk` : "Incident · Incident Desk" }];
};
