// The last 14 days, today first, each day with what happened on it (or says nothing did),
// as Statuspage lays out its "Past Incidents".
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import type { PublicPage } from "~/modules/status-page/model.ts";
import { inZone } from "~/utils/time.ts";
import { eventHref, EventTitle, type PublicEvent } from "~/components/status-page/event-parts.tsx";
import { formatPageDay } from "~/modules/status-page/page-time.ts";
import { UpdateList } from "~/components/status-page/update-list.tsx";

/** Incidents and maintenances that have begun, newest first; upcoming maintenance is not history yet. */
export function pastEvents(page: PublicPage): PublicEvent[] {
  const events: PublicEvent[] = [...page.incidents, ...page.maintenances.filter((m) => m.status !== "scheduled")];
  return events.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}

export function PastEvent({ page, event }: { page: PublicPage; event: PublicEvent }) {
  return (
    <article data-past-event={event.id} className="print:break-inside-avoid">
      <EventTitle page={page} event={event} as="h4" />
      <UpdateList updates={event.updates} timeZone={page.page.timeZone} reportHref={eventHref(page, event)} className="text-sm" />
    </article>
  );
}

export function PastIncidents({ page, days = 14 }: { page: PublicPage; days?: number }) {
  const timeZone = page.page.timeZone;
  const today = startOfDay(new TZDate(page.generatedAt.getTime(), timeZone));
  const byDay = new Map<string, PublicEvent[]>();
  for (const event of pastEvents(page)) {
    const key = inZone(event.startedAt, timeZone, "yyyy-MM-dd");
    byDay.set(key, [...(byDay.get(key) ?? []), event]);
  }
  const shownDays = Array.from({ length: days }, (_, back) => addDays(today, -back));
  return (
    <section aria-labelledby="past-incidents-heading">
      <h2 id="past-incidents-heading" className="text-xl font-semibold text-slate-900 print:text-black">
        Past incidents
      </h2>
      <div className="mt-3 space-y-6">
        {shownDays.map((day) => {
          const events = byDay.get(inZone(day, timeZone, "yyyy-MM-dd")) ?? [];
          return (
            <section key={day.getTime()} aria-label={formatPageDay(day, timeZone)}>
              <h3 className="border-b border-slate-200 pb-1.5 font-semibold text-slate-800 print:text-black">
                {formatPageDay(day, timeZone)}
              </h3>
              {events.length === 0 ? (
                <p className="pt-2 text-sm text-slate-500 print:text-black">No incidents reported.</p>
              ) : (
                <div className="divide-y divide-slate-100">
                  {events.map((event) => (
                    <div key={event.id} className="pt-3">
                      <PastEvent page={page} event={event} />
                    </div>
                  ))}
                </div>
              )}
            </section>
          );
        })}
      </div>
      <p className="mt-6 text-sm">
        <a href={`${page.page.url}/history`}>Incident history →</a>
      </p>
    </section>
  );
}
