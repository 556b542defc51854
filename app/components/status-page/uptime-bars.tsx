// 90 days of one component, one bar a day coloured by that day's worst state. Each bar takes
// keyboard focus and then, as on hover, shows what happened that day; without CSS or JS the
// same facts are in each bar's hidden text.
import { format } from "date-fns";
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES, type PublicPage } from "~/modules/status-page/model.ts";
import { formatUptime, uptimeDays, uptimePercent, type UptimeDay } from "~/modules/status-page/uptime.ts";
import { statusBarClass } from "~/components/status-page/status-look.tsx";

/** "45 min", "2 h 5 min", "< 1 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return "< 1 min";
  const rounded = Math.round(minutes);
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function dayLabel(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return format(new Date(y, m - 1, d), "MMM d, yyyy");
}

function troubleOf(day: UptimeDay) {
  return COMPONENT_STATUSES.filter((s) => s !== "operational" && day.minutes[s] > 0).map((s) => ({
    status: s,
    label: COMPONENT_STATUS_LABELS[s],
    minutes: day.minutes[s],
  }));
}

function daySummary(day: UptimeDay): string {
  if (day.worst === null) return "No data";
  const trouble = troubleOf(day);
  if (trouble.length === 0) return "No downtime";
  return trouble.map((t) => `${t.label} ${formatMinutes(t.minutes)}`).join(", ");
}

// Tooltips near an edge open away from it, so none pushes past a phone's screen.
function tooltipAnchor(index: number, count: number): string {
  if (index < count / 3) return "left-0";
  if (index >= (count * 2) / 3) return "right-0";
  return "left-1/2 -translate-x-1/2";
}

function DayBar({ day, index, count, pageUrl }: { day: UptimeDay; index: number; count: number; pageUrl: string }) {
  const trouble = troubleOf(day);
  return (
    <li
      tabIndex={0}
      className="group relative h-full min-w-0 flex-1 rounded-[1px] outline-offset-1 sm:rounded-sm"
    >
      {/* The colour sits on its own element so that dimming it on hover leaves the tooltip opaque. */}
      <span aria-hidden="true" className={`block h-full rounded-[inherit] group-hover:opacity-70 group-focus-visible:opacity-70 ${statusBarClass(day.worst)}`} />
      <span className="sr-only">
        {dayLabel(day.date)}: {daySummary(day)}
        {day.incidents.length > 0 && `; ${day.incidents.length === 1 ? "1 incident" : `${day.incidents.length} incidents`}`}
      </span>
      <div role="tooltip" className={`absolute top-full z-20 hidden w-60 pt-2 group-focus-within:block group-hover:block print:hidden! ${tooltipAnchor(index, count)}`}>
        <div className="rounded-md border border-slate-200 bg-white p-3 text-left text-sm shadow-lg">
          <p className="font-semibold text-slate-900">{dayLabel(day.date)}</p>
          {day.worst === null ? (
            <p className="mt-1 text-slate-600">No data for this day.</p>
          ) : trouble.length === 0 ? (
            <p className="mt-1 text-slate-600">No downtime recorded.</p>
          ) : (
            <ul className="mt-1 space-y-0.5">
              {trouble.map((t) => (
                <li key={t.status} className="flex justify-between gap-3 text-slate-700">
                  <span>{t.label}</span>
                  <span className="tabular-nums">{formatMinutes(t.minutes)}</span>
                </li>
              ))}
            </ul>
          )}
          {day.incidents.length > 0 && (
            <div className="mt-2 border-t border-slate-100 pt-2">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Related</p>
              <ul className="mt-1 space-y-1">
                {day.incidents.map((incident) => (
                  <li key={incident.id}>
                    <a href={`${pageUrl}/incidents/${incident.id}`}>{incident.name}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </li>
  );
}

export function UptimeBars({ page, componentId, componentName, days = 90 }: { page: PublicPage; componentId: string; componentName: string; days?: number }) {
  const history = uptimeDays(page, componentId, days);
  const percent = formatUptime(uptimePercent(history, page.weights));
  return (
    <div className="mt-3 [print-color-adjust:exact]">
      <ol aria-label={`${componentName}: uptime by day, last ${days} days`} className="flex h-8 gap-px sm:gap-0.5" data-uptime-bars="">
        {history.map((day, index) => (
          <DayBar key={day.date} day={day} index={index} count={history.length} pageUrl={page.page.url} />
        ))}
      </ol>
      <div className="mt-1.5 flex items-center gap-3 text-xs text-slate-500 print:text-black">
        <span>{days} days ago</span>
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
        <span className="font-medium text-slate-700 print:text-black">
          <span data-uptime-percent="">{percent}</span> uptime
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
        <span>Today</span>
      </div>
    </div>
  );
}
