// Incidents per week by severity, and time to detect / acknowledge / mitigate / resolve by
// severity and per month: each chart with its table, every number linked to its incidents.
import { SeverityBadge } from "~/components/ui/badges.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import { MEASURES, type Measure } from "~/modules/insights/model.ts";
import type { InsightsPageData } from "~/modules/insights/page-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { IncidentsPerWeekChart, TimeToChart } from "./charts.client.tsx";
import { FigureLink } from "./figure-link.tsx";
import { dayLabel, duration, monthLabel } from "./format.ts";
import { MEASURE_LINES } from "./palette.ts";

const CELL = "px-3 py-1.5";

export function IncidentsPerWeek({ weeks }: { weeks: InsightsPageData["incidentsPerWeek"] }) {
  return (
    <ChartFrame
      id="incidents-per-week"
      title="Incidents per week"
      description="Incidents by the ISO week they started in, stacked by severity (SEV1 at the bottom; each severity has its own pattern)."
      chart={() => <IncidentsPerWeekChart weeks={weeks} />}
      table={
        <DataTable headers={["Week", ...SEVERITIES, "All"]}>
          {weeks.map((w) => (
            <tr key={w.week} className="border-b border-slate-200 last:border-0">
              <th scope="row" className={`${CELL} font-normal`}>
                {w.week} <span className="text-slate-700">({dayLabel(w.weekStart)})</span>
              </th>
              {SEVERITIES.map((s) => (
                <td key={s} className={CELL}>
                  {w.bySeverity[s].count ? <FigureLink figure={w.bySeverity[s]}>{w.bySeverity[s].count}</FigureLink> : 0}
                </td>
              ))}
              <td className={CELL}>{w.total ? <FigureLink figure={w}>{w.total}</FigureLink> : 0}</td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}

type Summary = InsightsPageData["timeTo"]["detect"];

function SummaryCell({ figure }: { figure: Summary }) {
  if (figure.count === 0) return <td className={`${CELL} text-slate-700`}>—</td>;
  return (
    <td className={CELL}>
      <FigureLink figure={figure}>{duration(figure.median)}</FigureLink>
      <span className="block text-xs text-slate-700">
        p90 {duration(figure.p90)} · mean {duration(figure.mean)} · n {figure.count}
      </span>
    </td>
  );
}

const MEASURE_HEADERS = MEASURES.map((m: Measure) => `Time to ${MEASURE_LINES[m].label.toLowerCase()}`);

export function TimeToTables({ timeTo }: { timeTo: InsightsPageData["timeTo"] }) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="mb-2 font-semibold">By severity: median, with p90, mean and the number of incidents</h3>
        <DataTable headers={["Severity", ...MEASURE_HEADERS]}>
          <tr className="border-b border-slate-200">
            <th scope="row" className={CELL}>
              All
            </th>
            {MEASURES.map((m) => (
              <SummaryCell key={m} figure={timeTo[m]} />
            ))}
          </tr>
          {SEVERITIES.map((s) => (
            <tr key={s} className="border-b border-slate-200 last:border-0">
              <th scope="row" className={CELL}>
                <SeverityBadge severity={s} />
              </th>
              {MEASURES.map((m) => (
                <SummaryCell key={m} figure={timeTo.bySeverity[s][m]} />
              ))}
            </tr>
          ))}
          <tr className="border-t border-slate-300 bg-slate-50">
            <th scope="row" className={`${CELL} font-normal`}>
              The period before
            </th>
            {MEASURES.map((m) => (
              <SummaryCell key={m} figure={timeTo.previous[m]} />
            ))}
          </tr>
        </DataTable>
      </div>
      <ChartFrame
        id="time-to-per-month"
        title="Median times per month"
        description="The median of each measure for the incidents that started in the month (square-root scale, so minutes and hours both show). Lines differ by dash and marker."
        chart={() => <TimeToChart months={timeTo.byMonth} />}
        table={
          <DataTable headers={["Month", ...MEASURE_HEADERS]}>
            {timeTo.byMonth.map((row) => (
              <tr key={row.month} className="border-b border-slate-200 last:border-0">
                <th scope="row" className={`${CELL} font-normal`}>
                  {monthLabel(row.month)}
                </th>
                {MEASURES.map((m) => (
                  <SummaryCell key={m} figure={row[m]} />
                ))}
              </tr>
            ))}
          </DataTable>
        }
      />
    </div>
  );
}
