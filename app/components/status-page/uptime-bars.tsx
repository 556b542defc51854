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

// Tooltips near an edge open away from it, so none pushes past a phone's screen.
function tooltipAnchor(index: number, count: number): string {
  if (index < count / 3) return "tl";
  if (index >= (count * 2) / 3) return "tr";
  return "tc";
}

/** One day: the classes are short (app/styles.css, .ub*) because a page holds thousands of these. */
function DayBar({ day, index, count, pageUrl }: { day: UptimeDay; index: number; count: number; pageUrl: string }) {
  const trouble = troubleOf(day);
  return (
    <li tabIndex={0} className="ub">
      <span aria-hidden="true" className={`ubf ${statusBarClass(day.worst)}`} />
      <span role="tooltip" className={`ub-tip ${tooltipAnchor(index, count)}`}>
        <span className="ub-card">
          <b>{dayLabel(day.date)}</b>
          {day.worst === null ? (
            <i>No data for this day.</i>
          ) : trouble.length === 0 ? (
            <i>No downtime recorded.</i>
          ) : (
            <span className="mt-1 block space-y-0.5">
              {trouble.map((t) => (
                <span key={t.status} className="flex justify-between gap-3 text-slate-700">
                  <span>{t.label}</span>
                  <span className="tabular-nums">{formatMinutes(t.minutes)}</span>
                </span>
              ))}
            </span>
          )}
          {day.incidents.length > 0 && (
            <span className="mt-2 block border-t border-slate-100 pt-2">
              <span className="block text-xs font-medium tracking-wide text-slate-500 uppercase">Related</span>
              {day.incidents.map((incident) => (
                <a key={incident.id} className="mt-1 block" href={`${pageUrl}/incidents/${incident.id}`}>
                  {incident.name}
                </a>
              ))}
            </span>
          )}
        </span>
      </span>
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
