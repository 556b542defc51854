// Every published incident and maintenance by month, newest month first; a month with nothing
// in it says so, as Statuspage's history does.
import { TZDate } from "@date-fns/tz";
import { addMonths, startOfMonth } from "date-fns";
import type { PublicPage } from "~/modules/status-page/model.ts";
import { inZone } from "~/utils/time.ts";
import { EventTitle, ImpactTag, type PublicEvent } from "~/components/status-page/event-parts.tsx";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { pastEvents } from "~/components/status-page/past-incidents.tsx";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { updateExcerpt } from "~/modules/status-page/update-text.ts";

function HistoryEntry({ page, event }: { page: PublicPage; event: PublicEvent }) {
  const latest = event.updates[0];
  const timeZone = page.page.timeZone;
  return (
    <li className="space-y-1 py-3 print:break-inside-avoid">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <EventTitle page={page} event={event} as="h3" />
        <ImpactTag event={event} />
      </div>
      {latest && (
        <p className="line-clamp-2 text-sm text-slate-700 print:line-clamp-none print:text-black">
          <span className="font-medium">{EVENT_STATUS_LABELS[latest.status]}</span> –{" "}
          <span data-excerpt="">{updateExcerpt(latest.status, latest.body)}</span>
        </p>
      )}
      <p className="text-xs text-slate-500 print:text-black">
        <EventTime at={event.startedAt} timeZone={timeZone} />
        {event.resolvedAt && (
          <>
            {" "}
            – <EventTime at={event.resolvedAt} timeZone={timeZone} />
          </>
        )}
      </p>
    </li>
  );
}

export function HistoryList({ page, minimumMonths = 3 }: { page: PublicPage; minimumMonths?: number }) {
  const timeZone = page.page.timeZone;
  const events = pastEvents(page);
  const byMonth = new Map<string, PublicEvent[]>();
  for (const event of events) {
    const key = inZone(event.startedAt, timeZone, "yyyy-MM");
    byMonth.set(key, [...(byMonth.get(key) ?? []), event]);
  }
  const thisMonth = startOfMonth(new TZDate(page.generatedAt.getTime(), timeZone));
  const oldest = events.at(-1);
  const span = oldest ? monthsBetween(startOfMonth(new TZDate(oldest.startedAt.getTime(), timeZone)), thisMonth) + 1 : 0;
  const months = Array.from({ length: Math.max(span, minimumMonths) }, (_, back) => addMonths(thisMonth, -back));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Incident history</h1>
      {months.map((month) => {
        const monthEvents = byMonth.get(inZone(month, timeZone, "yyyy-MM")) ?? [];
        return (
          <section key={month.getTime()} aria-label={inZone(month, timeZone, "MMMM yyyy")}>
            <h2 className="border-b border-slate-200 pb-1.5 text-lg font-semibold text-slate-800 print:text-black">
              {inZone(month, timeZone, "MMMM yyyy")}
            </h2>
            {monthEvents.length === 0 ? (
              <p className="pt-2 text-sm text-slate-500 print:text-black">No incidents reported this month.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {monthEvents.map((event) => (
                  <HistoryEntry key={event.id} page={page} event={event} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getFullYear() - from.getFullYear()) * 12 + (to.getMonth() - from.getMonth());
}
