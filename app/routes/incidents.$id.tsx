// The incident as a layout (decision 0044): this route loads the incident and what the header
// needs of the reader once, opens the one event stream, and shows the header and the tabs; the
// Timeline (incidents.$id._index), Comms and Post-mortem tabs are its children.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useMatches, type ShouldRevalidateFunction } from "@remix-run/react";
import { useRef, useState } from "react";
import { RoomHeader } from "~/components/room/header.tsx";
import { ImpactEditor } from "~/components/room/impact-editor.tsx";
import { ImpactHistory } from "~/components/room/impact-history.tsx";
import type { ControlsData } from "~/components/room/incident-controls.tsx";
import { IncidentEventsContext, useIncidentEvents } from "~/components/room/incident-events.ts";
import { KeysHint } from "~/components/room/room-keyboard.tsx";
import { DraftCountContext, RoomTabs } from "~/components/room/room-tabs.tsx";
import { SlackBehindNotice } from "~/components/room/slack-behind.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { listResponders } from "~/modules/auth/users.server.ts";
import { listComponents, listRegions } from "~/modules/components/catalog.server.ts";
import { getIncident, requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { roomAction } from "~/http/room-action.server.ts";
import { slackChannelBehind } from "~/modules/slack/behind.server.ts";
import { slackSendsMessages } from "~/modules/slack/web-api.server.ts";
import { firstUpdateClock } from "~/modules/updates/first-update.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const incident = await getIncident(await requireIncidentId(params.id!));
  if (!incident) throw new Response("Incident not found", { status: 404 });
  const canWrite = can(actor.role, "incident:write");
  const [people, components, regions] = await Promise.all([
    canWrite ? listResponders() : [],
    canWrite ? listComponents() : [],
    canWrite ? listRegions() : [],
  ]);
  return {
    incident,
    lastSeq: incident.lastSeq,
    timeZone: actor.timeZone,
    firstUpdate: await firstUpdateClock(actor),
    canWrite,
    // the incident's Slack channel, when it is behind (decision 0048)
    slack: slackSendsMessages(),
    slackBehind: await slackChannelBehind(incident.id),
    // what the room's controls offer (the Timeline tab's panel and the header's impact editor)
    controls: { people, components, regions: regions.map((r) => ({ id: r.id, slug: r.slug, name: r.name })) } satisfies ControlsData,
  };
});

/** A post to /incidents/:id (no `?index`) is the room's, as before the tabs were children. */
export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  return roomAction(request, params.id!);
});

/**
 * The stream keeps the incident current: neither a tab switch nor a form submitted in a tab reloads
 * it (the header follows the stream's incident.updated events). Another incident does.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, defaultShouldRevalidate }) =>
  currentParams.id !== nextParams.id ? defaultShouldRevalidate : false;

export default function IncidentLayout() {
  const data = useLoaderData<typeof loader>();
  // one stream per incident: another incident's page starts afresh
  return <IncidentFrame key={data.incident.id} />;
}

function IncidentFrame() {
  const data = useLoaderData<typeof loader>();
  const matches = useMatches();
  // The stream starts no later than any loader of the first page read, so no tab misses an event.
  const openAfter = useRef<number | null>(null);
  if (openAfter.current === null) {
    const seqs = matches
      .map((m) => (m.data as { lastSeq?: unknown } | undefined)?.lastSeq)
      .filter((s): s is number => typeof s === "number");
    openAfter.current = Math.min(data.lastSeq, ...seqs);
  }
  const events = useIncidentEvents({ incident: data.incident, lastSeq: data.lastSeq, openAfter: openAfter.current });
  const onPostmortem = matches.some((m) => m.id === "routes/incidents.$id.postmortem");
  const [draftCount, setDraftCount] = useState<number | undefined>(undefined);
  return (
    <IncidentEventsContext.Provider value={events}>
      <DraftCountContext.Provider value={setDraftCount}>
        <RoomHeader
          incident={events.incident}
          timeZone={data.timeZone}
          connection={events.connection}
          firstUpdate={data.firstUpdate}
          streams={events.opened}
        >
          <ImpactHistory incident={events.incident} timeZone={data.timeZone}>
            {data.canWrite ? (
              <ImpactEditor key={events.incident.lastSeq} incident={events.incident} components={data.controls.components} />
            ) : null}
          </ImpactHistory>
        </RoomHeader>
        <SlackBehindNotice incidentId={events.incident.id} initial={data.slackBehind} timeZone={data.timeZone} slack={data.slack} />
        <RoomTabs incidentId={events.incident.id} draftCount={draftCount}>
          {/* the Timeline and Comms tabs answer keys (room-keyboard.tsx); the Post-mortem tab does not */}
          {onPostmortem ? null : <KeysHint />}
          <Link to="/incidents" className="print:hidden">
            ← All incidents
          </Link>
        </RoomTabs>
        <Outlet />
      </DraftCountContext.Provider>
    </IncidentEventsContext.Provider>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.incident.ref} ${data.incident.title} · Incident Desk` : "Incident · Incident Desk" },
];
