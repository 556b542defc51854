// The four insights charts (recharts; drawn in the browser only, see chart-frame.tsx). Each
// series differs by pattern or by dash and marker as well as by colour (palette.ts).
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import { MEASURES } from "~/modules/insights/model.ts";
import type { InsightsPageData } from "~/modules/insights/page-data.ts";
import { dayLabel, duration, durationTicks, minutes, monthLabel, shortDuration, uptime } from "./format.ts";
import { ACTION_FILLS, fillRef, IMPACT_FILLS, MEASURE_LINES, SEVERITY_FILLS, type Fill } from "./palette.ts";

const AXIS = { stroke: "#334155", tick: { fill: "#1e293b", fontSize: 12 } };
const CHART_STYLE = { width: "100%", height: 260 };

/** The hatching and dots that tell stacked series apart without colour. */
function FillPatterns({ prefix, fills }: { prefix: string; fills: Record<string, Fill> }) {
  return (
    <defs>
      {Object.entries(fills).map(([name, fill]) => {
        if (fill.pattern === "solid") return null;
        const id = `${prefix}-${name}`;
        return (
          <pattern
            key={id}
            id={id}
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform={fill.pattern === "stripes" ? "rotate(45)" : undefined}
          >
            <rect width="6" height="6" fill={fill.color} />
            {fill.pattern === "stripes" ? <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" /> : null}
            {fill.pattern === "dots" ? <circle cx="3" cy="3" r="1.3" fill="#ffffff" /> : null}
            {fill.pattern === "cross" ? <path d="M0 3H6M3 0V6" stroke="#ffffff" strokeWidth="1" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

export function IncidentsPerWeekChart({ weeks }: { weeks: InsightsPageData["incidentsPerWeek"] }) {
  const data = weeks.map((w) => ({
    label: dayLabel(w.weekStart),
    ...Object.fromEntries(SEVERITIES.map((s) => [s, w.bySeverity[s].count])),
  }));
  const most = Math.max(1, ...weeks.map((w) => w.total));
  return (
    <BarChart data={data} style={CHART_STYLE} responsive accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <FillPatterns prefix="week" fills={SEVERITY_FILLS} />
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" {...AXIS} />
      <YAxis allowDecimals={false} width={32} domain={[0, most]} tickCount={Math.min(6, most + 1)} {...AXIS} />
      <Tooltip />
      <Legend itemSorter={null} />
      {SEVERITIES.map((s) => (
        <Bar
          key={s}
          dataKey={s}
          name={s}
          stackId="severity"
          fill={fillRef("week", s, SEVERITY_FILLS[s])}
          stroke="#ffffff"
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}

export function TimeToChart({ months }: { months: InsightsPageData["timeTo"]["byMonth"] }) {
  const data = months.map((m) => ({
    label: monthLabel(m.month),
    ...Object.fromEntries(MEASURES.map((measure) => [measure, m[measure].median])),
  }));
  const highest = Math.max(60, ...months.flatMap((m) => MEASURES.map((measure) => m[measure].median ?? 0)));
  const ticks = durationTicks(highest);
  const top = ticks[ticks.length - 1];
  return (
    <LineChart data={data} style={CHART_STYLE} responsive accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" {...AXIS} />
      <YAxis scale="sqrt" domain={[0, top]} ticks={ticks} tickFormatter={(v: number) => shortDuration(v)} width={40} {...AXIS} />
      <Tooltip formatter={(v) => duration(typeof v === "number" ? v : null)} />
      <Legend itemSorter={null} />
      {MEASURES.map((m) => {
        const line = MEASURE_LINES[m];
        return (
          <Line
            key={m}
            dataKey={m}
            name={line.label}
            stroke={line.color}
            strokeWidth={2}
            strokeDasharray={line.dash}
            dot={{ symbol: line.marker, r: 5, fill: line.color }}
            legendType={line.marker}
            connectNulls
            isAnimationActive={false}
          />
        );
      })}
    </LineChart>
  );
}

/** A category label on one line: recharts would wrap a long component name. */
function OneLineTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <text x={props.x} y={props.y} dy={4} textAnchor="end" fontSize={12} fill={AXIS.tick.fill}>
      {String(props.payload?.value ?? "")}
    </text>
  );
}

export function UptimeChart({ components }: { components: InsightsPageData["uptime"]["components"] }) {
  const data = components.map((c) => ({
    label: `${c.name} · ${uptime(c.last90.percent)}`,
    ...c.last90.minutes,
  }));
  return (
    <BarChart
      data={data}
      layout="vertical"
      style={{ width: "100%", height: Math.max(160, 36 * data.length + 60) }}
      responsive
      accessibilityLayer={false}
      margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
    >
      <FillPatterns prefix="impact" fills={IMPACT_FILLS} />
      <CartesianGrid stroke="#e2e8f0" horizontal={false} />
      <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => minutes(v)} {...AXIS} />
      <YAxis type="category" dataKey="label" width={300} {...AXIS} tick={OneLineTick} />
      <Tooltip formatter={(v) => minutes(Number(v))} />
      <Legend itemSorter={null} />
      {(Object.keys(IMPACT_FILLS) as (keyof typeof IMPACT_FILLS)[]).map((level) => (
        <Bar
          key={level}
          dataKey={level}
          name={IMPACT_FILLS[level].label}
          stackId="impact"
          fill={fillRef("impact", level, IMPACT_FILLS[level])}
          stroke="#ffffff"
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}

export function ActionItemsChart({ months }: { months: InsightsPageData["actionItems"]["byMonth"] }) {
  const data = months.map((m) => ({ label: monthLabel(m.month), opened: m.opened.count, closed: m.closed.count }));
  const mostItems = Math.max(1, ...data.map((d) => Math.max(d.opened, d.closed)));
  return (
    <BarChart data={data} style={CHART_STYLE} responsive accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <FillPatterns prefix="actions" fills={ACTION_FILLS} />
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" {...AXIS} />
      <YAxis allowDecimals={false} width={32} domain={[0, mostItems]} tickCount={Math.min(6, mostItems + 1)} {...AXIS} />
      <Tooltip />
      <Legend itemSorter={null} />
      <Bar
        dataKey="opened"
        name={ACTION_FILLS.opened.label}
        fill={fillRef("actions", "opened", ACTION_FILLS.opened)}
        isAnimationActive={false}
      />
      <Bar
        dataKey="closed"
        name={ACTION_FILLS.closed.label}
        fill={fillRef("actions", "closed", ACTION_FILLS.closed)}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
