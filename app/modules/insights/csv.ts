// The insights as CSV (RFC 4180, CRLF, UTF-8), for a spreadsheet: one table per download.
//   incidents: one row per incident started in the range, with its milestones and times;
//   uptime:    one row per component and period (last 30 days, last 90 days, each calendar month)
//              with the minutes behind its uptime and, for months, the SLA verdict.
// Columns are documented in docs/insights.md. Times are ISO-8601 UTC; durations in seconds
// (incidents) or minutes (uptime), unrounded beyond the millisecond. Pure.
import { csvCell } from "~/utils/csv.ts";
import type { Insights, SlaMonth, UptimeFigure } from "./model.ts";

export const CSV_TABLES = ["incidents", "uptime"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

type Cell = string | number | boolean | null;

const cell = (value: Cell) => (value === null ? "" : typeof value === "string" ? csvCell(value) : String(value));
const table = (header: string[], rows: Cell[][]) => `${[header.join(","), ...rows.map((r) => r.map(cell).join(","))].join("\r\n")}\r\n`;

export const INCIDENT_COLUMNS = [
  "ref",
  "id",
  "title",
  "severity",
  "status",
  "started_at",
  "detected_at",
  "acknowledged_at",
  "mitigated_at",
  "resolved_at",
  "time_to_detect_s",
  "time_to_acknowledge_s",
  "time_to_mitigate_s",
  "time_to_resolve_s",
  "first_public_update_s",
  "promises_kept",
  "promises_missed",
  "promises_pending",
  "customer_facing_s",
  "major_outage_s",
  "partial_outage_s",
  "degraded_performance_s",
  "components",
];

export function incidentsCsv(insights: Insights): string {
  return table(
    INCIDENT_COLUMNS,
    insights.incidentRows.map((r) => [
      r.ref,
      r.id,
      r.title,
      r.severity,
      r.status,
      r.startedAt,
      r.detectedAt,
      r.acknowledgedAt,
      r.mitigatedAt,
      r.resolvedAt,
      r.timeTo.detect,
      r.timeTo.acknowledge,
      r.timeTo.mitigate,
      r.timeTo.resolve,
      r.firstUpdate,
      r.promises.kept,
      r.promises.missed,
      r.promises.pending,
      r.customerFacing.total,
      r.customerFacing.major_outage,
      r.customerFacing.partial_outage,
      r.customerFacing.degraded_performance,
      r.components.join(";"),
    ]),
  );
}

export const UPTIME_COLUMNS = [
  "component",
  "component_id",
  "group",
  "period",
  "days",
  "complete",
  "uptime_percent",
  "major_outage_min",
  "partial_outage_min",
  "degraded_performance_min",
  "downtime_min",
  "observed_min",
  "sla_target_percent",
  "sla_met",
  "sla_excess_min",
];

export function uptimeCsv(insights: Insights): string {
  const names = new Map(insights.uptime.components.map((c) => [c.id, c.name]));
  const figureRow = (f: UptimeFigure | SlaMonth): Cell[] => [
    f.percent,
    f.minutes.major_outage,
    f.minutes.partial_outage,
    f.minutes.degraded_performance,
    f.downtimeMinutes,
    f.observedMinutes,
  ];
  const rows = insights.uptime.components.flatMap((c) => {
    const head = [c.name, c.id, c.groupId ? (names.get(c.groupId) ?? "") : ""];
    return [
      [...head, "last_30_days", c.last30.days, null, ...figureRow(c.last30), null, null, null],
      [...head, "last_90_days", c.last90.days, null, ...figureRow(c.last90), null, null, null],
      ...c.months.map((m) => [...head, m.month, null, m.complete, ...figureRow(m), c.slaTarget, m.met, m.excessMinutes]),
    ];
  });
  return table(UPTIME_COLUMNS, rows);
}
