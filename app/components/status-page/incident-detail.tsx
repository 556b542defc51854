// One incident or maintenance on its own page: what it was, what it touched, when, and every update.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { AffectedComponents, ImpactTag, MaintenanceWindow, type PublicEvent } from "~/components/status-page/event-parts.tsx";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { IMPACT_TEXT } from "~/components/status-page/status-look.tsx";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { UpdateList } from "~/components/status-page/update-list.tsx";

function Milestone({ label, at, timeZone }: { label: string; at: Date | null; timeZone: string }) {
  if (!at) return null;
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="w-28 text-slate-500 print:text-black">{label}</dt>
      <dd className="text-slate-800 print:text-black">
        <EventTime at={at} timeZone={timeZone} />
      </dd>
    </div>
  );
}

export function IncidentDetail({ page, event }: { page: PublicPage; event: PublicEvent }) {
  const timeZone = page.page.timeZone;
  return (
    <article data-event={event.id} className="space-y-6">
      <p className="text-sm print:hidden">
        <a href={page.page.url}>← Current status</a>
      </p>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className={`text-2xl font-bold tracking-tight print:text-black ${IMPACT_TEXT[event.impact]}`}>{event.name}</h1>
          {event.kind === "incident" && <ImpactTag event={event} />}
        </div>
        <p className="text-sm font-medium text-slate-700 print:text-black">
          {event.kind === "maintenance" ? "Maintenance" : "Incident"} · {EVENT_STATUS_LABELS[event.status]}
        </p>
        <dl className="space-y-1 text-sm">
          {event.kind === "maintenance" && (
            <div className="flex flex-wrap gap-x-2">
              <dt className="w-28 text-slate-500 print:text-black">Scheduled</dt>
              <dd>
                <MaintenanceWindow maintenance={event} timeZone={timeZone} />
              </dd>
            </div>
          )}
          <Milestone label="Started" at={event.startedAt} timeZone={timeZone} />
          <Milestone label="Monitoring" at={event.monitoringAt} timeZone={timeZone} />
          <Milestone label={event.kind === "maintenance" ? "Completed" : "Resolved"} at={event.resolvedAt} timeZone={timeZone} />
        </dl>
      </header>
      <section
        aria-labelledby="updates-heading"
        className="rounded-lg border border-slate-200 bg-white px-4 py-2 shadow-sm sm:px-5 print:border-black print:shadow-none"
      >
        <h2 id="updates-heading" className="sr-only">
          Updates
        </h2>
        <UpdateList updates={event.updates} timeZone={timeZone} />
      </section>
      <AffectedComponents
        page={page}
        ids={event.componentIds}
        verb={event.kind === "maintenance" ? "This maintenance affects" : "This incident affected"}
      />
    </article>
  );
}
