// Uptime per component over 30 and 90 days with the minutes behind it, and the SLA view:
// each calendar month against the target, said in words ("Missed by 45 min"), not by colour.
import { Link } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table.tsx";
import type { InsightsPageData } from "~/modules/insights/page-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { UptimeChart } from "./charts.client.tsx";
import { FigureLink } from "./figure-link.tsx";
import { minutes, monthLabel, uptime } from "./format.ts";

const CELL = "px-3 py-1.5";
type Uptime = InsightsPageData["uptime"];

function weighting(weights: Uptime["weights"]) {
  const part = (w: number) => `${Math.round(w * 100)}%`;
  return `a minute of major outage counts fully, of partial outage ${part(weights.partialOutage)}, of degraded performance ${part(weights.degradedPerformance)}`;
}

function name(c: Uptime["components"][number], all: Uptime["components"]) {
  const group = c.groupId ? all.find((g) => g.id === c.groupId) : null;
  return group ? `${group.name} · ${c.name}` : c.name;
}

export function UptimeSection({ uptime: data }: { uptime: Uptime }) {
  const { components, weights } = data;
  return (
    <ChartFrame
      id="uptime"
      title="Uptime per component"
      description={`Minutes of each impact level in the last 90 days, from the incidents' impact windows; the uptime beside each name weighs them as the status page does (${weighting(weights)}).`}
      chart={() => <UptimeChart components={components.map((c) => ({ ...c, name: name(c, components) }))} />}
      table={
        <DataTable
          headers={[
            "Component",
            "Last 30 days",
            "Last 90 days",
            "Major outage (90 days)",
            "Partial outage (90 days)",
            "Degraded (90 days)",
            "Incidents (90 days)",
          ]}
        >
          {components.map((c) => (
            <tr key={c.id} className="border-b border-slate-200 last:border-0" data-testid="uptime-row">
              <th scope="row" className={`${CELL} ${c.groupId ? "pl-6 font-normal" : ""}`}>
                {name(c, components)}
              </th>
              <td className={CELL}>
                {c.last30.incidentCount ? <FigureLink figure={c.last30}>{uptime(c.last30.percent)}</FigureLink> : uptime(c.last30.percent)}
              </td>
              <td className={CELL}>
                {c.last90.incidentCount ? <FigureLink figure={c.last90}>{uptime(c.last90.percent)}</FigureLink> : uptime(c.last90.percent)}
              </td>
              <td className={CELL}>{minutes(c.last90.minutes.major_outage)}</td>
              <td className={CELL}>{minutes(c.last90.minutes.partial_outage)}</td>
              <td className={CELL}>{minutes(c.last90.minutes.degraded_performance)}</td>
              <td className={CELL}>
                <FigureLink figure={c.last90}>{c.last90.incidentCount}</FigureLink>
              </td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}

export function SlaSection({ uptime: data, sla }: { uptime: Uptime; sla: InsightsPageData["sla"] }) {
  const { components } = data;
  const months = components[0]?.months.map((m) => m.month) ?? [];
  return (
    <div>
      <p className="mb-2 text-sm text-slate-800">
        {sla.source === "query" ? (
          <>
            Target <strong>{sla.target}%</strong> for every component, as asked in the SLA field (clear it to use each component&apos;s
            own).
          </>
        ) : (
          <>
            Each component is held to its own target, set in the{" "}
            <Link to="/components" className="underline">
              components catalog
            </Link>
            , or else <strong>{sla.target}%</strong>.
          </>
        )}{" "}
        A month missed the target when its uptime fell below it; the minutes say how much weighted downtime went beyond what the target
        allows.
        {sla.missed.length === 0
          ? " No month missed it."
          : ` ${sla.missed.length} component-month${sla.missed.length === 1 ? "" : "s"} missed it.`}
      </p>
      <DataTable headers={["Component", "Target", ...months.map(monthLabel)]}>
        {components.map((c) => (
          <tr key={c.id} className="border-b border-slate-200 last:border-0" data-testid="sla-row">
            <th scope="row" className={`${CELL} ${c.groupId ? "pl-6 font-normal" : ""}`}>
              {name(c, components)}
            </th>
            <td className={CELL}>{c.slaTarget}%</td>
            {c.months.map((m) => (
              <td key={m.month} className={`${CELL} ${m.met ? "" : "bg-red-50"}`}>
                <span className="block">{uptime(m.percent)}</span>
                <span className="block text-xs text-slate-700">
                  {m.met ? "Met" : <FigureLink figure={m}>Missed by {minutes(m.excessMinutes)}</FigureLink>}
                  {m.complete ? "" : " (so far)"}
                </span>
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
