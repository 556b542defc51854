import { describe, expect, it } from "vitest";
import { readCsvRecords } from "~/utils/csv.ts";
import { incidentsCsv, INCIDENT_COLUMNS, uptimeCsv, UPTIME_COLUMNS } from "./csv.ts";
import { computeInsights } from "./insights.ts";
import { sampleData } from "./sample-data.ts";

const rowsOf = (text: string) => {
  const { records, error } = readCsvRecords(text);
  expect(error).toBeNull();
  const [header, ...rows] = records.map((r) => r.cells);
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
};

describe("insights as CSV", () => {
  const insights = computeInsights(sampleData());

  it("has one row per incident with its milestones and times in seconds", () => {
    const text = incidentsCsv(insights);
    expect(text.split("\r\n")[0]).toBe(INCIDENT_COLUMNS.join(","));
    const rows = rowsOf(text);
    expect(rows.map((r) => r.ref)).toEqual(["INC-1", "INC-2", "INC-3", "INC-4"]);
    expect(rows[0]).toMatchObject({
      severity: "SEV1",
      started_at: "2026-01-06T10:00:00.000Z",
      time_to_detect_s: "300",
      time_to_acknowledge_s: "180",
      time_to_resolve_s: String(150 * 60),
      first_public_update_s: "720",
      promises_kept: "2",
      promises_missed: "1",
      components: "Messages;Web chat",
    });
    // Not reached: empty, not zero.
    expect(rows[2]).toMatchObject({ acknowledged_at: "", time_to_acknowledge_s: "", time_to_resolve_s: "", first_public_update_s: "" });
  });

  it("defuses a title a spreadsheet would run as a formula, and quotes commas", () => {
    const sneaky = computeInsights(
      sampleData({ incidents: sampleData().incidents.map((i) => (i.id === "a" ? { ...i, title: "=HYPERLINK(evil), really" } : i)) }),
    );
    expect(rowsOf(incidentsCsv(sneaky))[0].title).toBe("'=HYPERLINK(evil), really");
  });

  it("has a row per component for 30 days, 90 days and each month, with the SLA verdict on months", () => {
    const rows = rowsOf(uptimeCsv(insights));
    expect(Object.keys(rows[0])).toEqual(UPTIME_COLUMNS);
    const web = rows.filter((r) => r.component_id === "web");
    expect(web.map((r) => r.period)).toEqual(["last_30_days", "last_90_days", "2026-01", "2026-02"]);
    expect(web[1]).toMatchObject({ days: "90", partial_outage_min: "110", degraded_performance_min: "240", sla_met: "" });
    expect(web[2]).toMatchObject({ complete: "true", sla_target_percent: "99.9", sla_met: "false" });
    expect(Number(web[2].sla_excess_min)).toBeCloseTo(110 * 0.5 + 240 * 0.1 - 31 * 24 * 60 * 0.001, 2);
    expect(rows.find((r) => r.component_id === "api")!.group).toBe("API");
  });
});
