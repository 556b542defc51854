// 90 days of one component, one bar a day coloured by that day's worst state, drawn as one small
// SVG: each run of quiet days is one rectangle filled with a pattern of bars, each day with
// something on it a rectangle of its own whose <title> says what happened (shown on hover). The
// image's text alternative says the same for screen readers, and the uptime page lists every such
// day with links. On a phone the stylesheet zooms the strip to its last 30 days (.ubd), and the
// labels and the percentage switch to 30 days (.ub30 / .ub90).
import type { ComponentStatusName, PublicComponent, PublicPage } from "~/modules/status-page/model.ts";
import { formatUptime, uptimeDays, uptimePercent } from "~/modules/status-page/uptime.ts";
import { uptimeRuns, uptimeSummary } from "~/modules/status-page/uptime-strip.ts";

/** Height of the strip in SVG units; its width is one unit a day. */
const STRIP_HEIGHT = 10;
const PHONE_DAYS = 30;

const PATTERN_ID: Record<ComponentStatusName | "none", string> = {
  operational: "ubp-o",
  degraded_performance: "ubp-d",
  partial_outage: "ubp-p",
  major_outage: "ubp-m",
  under_maintenance: "ubp-u",
  none: "ubp-n",
};

/** The same colours as the status look (status-look.tsx), as SVG fills. */
const PATTERN_FILL: Record<ComponentStatusName | "none", string> = {
  operational: "fill-emerald-500",
  degraded_performance: "fill-yellow-400",
  partial_outage: "fill-orange-500",
  major_outage: "fill-red-600",
  under_maintenance: "fill-blue-500",
  none: "fill-slate-200",
};

/** One bar per day-wide tile, a gap between them; drawn once per page and used by every strip. */
export function UptimePatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        {(Object.keys(PATTERN_ID) as (keyof typeof PATTERN_ID)[]).map((key) => (
          <pattern key={key} id={PATTERN_ID[key]} width="1" height={STRIP_HEIGHT} patternUnits="userSpaceOnUse">
            <rect width="0.74" height={STRIP_HEIGHT} rx="0.12" ry="0.6" className={PATTERN_FILL[key]} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

export function UptimeBars({ page, component, days = 90 }: { page: PublicPage; component: PublicComponent; days?: number }) {
  const history = uptimeDays(page, component.id, days);
  const percent = formatUptime(uptimePercent(history, page.weights));
  const recent = formatUptime(uptimePercent(history.slice(-PHONE_DAYS), page.weights));
  return (
    <div className="mt-3 [print-color-adjust:exact]">
      <svg
        viewBox={`0 0 ${days} ${STRIP_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={uptimeSummary(component.name, history, percent)}
        className="ubs"
        data-uptime-bars=""
      >
        <g className="ubd">
          {uptimeRuns(history).map((run) => (
            <rect key={run.start} x={run.start} width={run.length} height={STRIP_HEIGHT} fill={`url(#${PATTERN_ID[run.worst ?? "none"]})`}>
              <title>{run.text}</title>
            </rect>
          ))}
        </g>
      </svg>
      <div className="mt-1.5 flex items-center gap-3 text-xs text-slate-500 print:text-black">
        <span>
          <span className="ub90">{days} days ago</span>
          <span className="ub30">{PHONE_DAYS} days ago</span>
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
        <a href={`${page.page.url}/uptime#c-${component.id}`} className="font-medium text-slate-700 print:text-black">
          <span className="ub90">
            <span data-uptime-percent="">{percent}</span> uptime
          </span>
          <span className="ub30">{recent} uptime</span>
        </a>
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
        <span>Today</span>
      </div>
    </div>
  );
}
