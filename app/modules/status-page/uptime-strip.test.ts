import { describe, expect, it } from "vitest";
import type { ComponentStatusName } from "./model.ts";
import type { UptimeDay } from "./uptime.ts";
import { dayText, formatMinutes, uptimeRuns, uptimeSummary } from "./uptime-strip.ts";

function day(
  date: string,
  worst: ComponentStatusName | null,
  minutes: Partial<Record<ComponentStatusName, number>> = {},
  incidents: string[] = [],
): UptimeDay {
  const all = { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0, ...minutes };
  if (worst === "operational" && !minutes.operational) all.operational = 1440;
  return { date, worst, minutes: all, incidents: incidents.map((name, i) => ({ id: `i${i}`, name, impact: "major" as const })) };
}

const quiet = (date: string) => day(date, "operational");

describe("the runs of an uptime strip", () => {
  it("merges quiet days of one colour and keeps every notable day apart, in order, covering every day once", () => {
    const days = [
      day("2026-11-01", null),
      day("2026-11-02", null),
      quiet("2026-11-03"),
      quiet("2026-11-04"),
      day("2026-11-05", "partial_outage", { operational: 1395, partial_outage: 45 }, ["Elevated errors"]),
      day("2026-11-06", "degraded_performance", { operational: 1320, degraded_performance: 120 }),
      quiet("2026-11-07"),
      day("2026-11-08", "operational", {}, ["Checked, nothing found"]),
      quiet("2026-11-09"),
    ];
    const runs = uptimeRuns(days);
    expect(runs.map((r) => [r.start, r.length, r.worst, r.notable])).toEqual([
      [0, 2, null, false],
      [2, 2, "operational", false],
      [4, 1, "partial_outage", true],
      [5, 1, "degraded_performance", true],
      [6, 1, "operational", false],
      [7, 1, "operational", true],
      [8, 1, "operational", false],
    ]);
    expect(runs.reduce((sum, r) => sum + r.length, 0)).toBe(days.length);
    expect(runs[0].text).toBe("Nov 1, 2026 – Nov 2, 2026: No data.");
    expect(runs[1].text).toBe("Nov 3, 2026 – Nov 4, 2026: No downtime recorded.");
    expect(runs[4].text).toBe("Nov 7, 2026: No downtime recorded.");
  });

  it("is one run for 90 quiet days", () => {
    const days = Array.from({ length: 90 }, (_, i) => quiet(`2026-08-${String((i % 28) + 1).padStart(2, "0")}`));
    expect(uptimeRuns(days)).toHaveLength(1);
  });

  it("says what a notable day saw, worst first, with its minutes and the incidents of that day", () => {
    const busy = day(
      "2026-11-05",
      "major_outage",
      { operational: 1000, degraded_performance: 125, major_outage: 30, under_maintenance: 60 },
      ["API down", "Slow logins"],
    );
    expect(dayText(busy)).toBe(
      "Nov 5, 2026: Major outage 30 min, Degraded performance 2 h 5 min, Under maintenance 1 h. Related: API down; Slow logins.",
    );
    expect(dayText(day("2026-11-05", "operational", {}, ["Looked into it"]))).toBe(
      "Nov 5, 2026: No downtime recorded. Related: Looked into it.",
    );
  });

  it("sums the strip up for a screen reader: uptime, the notable days, the rest", () => {
    const days = [quiet("2026-11-04"), day("2026-11-05", "partial_outage", { operational: 1395, partial_outage: 45 }), quiet("2026-11-06")];
    expect(uptimeSummary("Messages", days, "99.95%")).toBe(
      "Messages, last 3 days: 99.95% uptime. Nov 5, 2026: Partial outage 45 min. Other days: no downtime recorded.",
    );
    expect(uptimeSummary("Chat", [quiet("2026-11-04")], "100.00%")).toBe("Chat, last day: 100.00% uptime. No downtime recorded.");
  });

  it("writes minutes as people read them", () => {
    expect([0.4, 1, 45, 60, 125, 59.6].map(formatMinutes)).toEqual(["< 1 min", "1 min", "45 min", "1 h", "2 h 5 min", "1 h"]);
  });
});
