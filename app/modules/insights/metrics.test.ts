import { describe, expect, it } from "vitest";
import { incidentCounts, incidentsPerWeek, incidentTimeTo, timeToInsights } from "./metrics.ts";
import { A, B, C, D, E, FROM, TO } from "./sample-data.ts";

const m = (minutes: number) => minutes * 60;
const current = [A, B, C, D];
const period = { from: FROM, to: TO };

describe("incidents per week", () => {
  it("counts each ISO week of the range by severity, empty weeks included", () => {
    const weeks = incidentsPerWeek(current, period, "Etc/UTC");
    // 1 January 2026 (a Thursday) is in week 1; 28 February closes week 9.
    expect(weeks.map((w) => w.week)).toEqual([
      "2026-W01",
      "2026-W02",
      "2026-W03",
      "2026-W04",
      "2026-W05",
      "2026-W06",
      "2026-W07",
      "2026-W08",
      "2026-W09",
    ]);
    const byWeek = Object.fromEntries(weeks.map((w) => [w.week, w]));
    expect(byWeek["2026-W02"]).toMatchObject({
      weekStart: "2026-01-05",
      total: 1,
      incidentIds: ["a"],
      bySeverity: { SEV1: { count: 1, incidentIds: ["a"] }, SEV2: { count: 0 } },
    });
    expect(byWeek["2026-W04"].bySeverity.SEV2).toEqual({ key: "week.2026-W04.SEV2", count: 1, incidentIds: ["b"] });
    // C (Tuesday 23:30) and D (Wednesday 00:15) share week 7.
    expect(byWeek["2026-W07"]).toMatchObject({ total: 2, bySeverity: { SEV2: { count: 1 }, SEV3: { count: 1 } } });
    expect(weeks.reduce((sum, w) => sum + w.total, 0)).toBe(4);
    expect(byWeek["2026-W03"]).toMatchObject({ total: 0, incidentIds: [] });
  });

  it("counts by severity for the headline", () => {
    const counts = incidentCounts(current);
    expect(counts).toMatchObject({
      key: "incidents",
      count: 4,
      bySeverity: { SEV1: { count: 1 }, SEV2: { count: 2, incidentIds: ["b", "c"] }, SEV3: { count: 1 }, SEV4: { count: 0 } },
    });
  });
});

describe("time to detect, acknowledge, mitigate and resolve", () => {
  it("is measured per incident in seconds, null where the milestone was not reached", () => {
    expect(incidentTimeTo(A)).toEqual({ detect: m(5), acknowledge: m(8 - 5), mitigate: m(90), resolve: m(150) });
    expect(incidentTimeTo(C)).toEqual({ detect: m(2), acknowledge: null, mitigate: null, resolve: null });
  });

  it("summarises each measure over the incidents that reached it", () => {
    const t = timeToInsights(current, [E], period, "Etc/UTC");
    const detect = [m(5), m(20), m(2), m(0)].sort((x, y) => x - y);
    expect(t.detect).toEqual({
      key: "timeTo.detect",
      count: 4,
      median: (detect[1] + detect[2]) / 2,
      mean: (m(5) + m(20) + m(2)) / 4,
      p90: m(20),
      incidentIds: ["a", "b", "c", "d"],
    });
    // C never acknowledged: three values, the middle one is the median.
    expect(t.acknowledge).toMatchObject({
      count: 3,
      median: m(10),
      mean: (m(3) + m(10) + m(10)) / 3,
      p90: m(10),
      incidentIds: ["a", "b", "d"],
    });
    expect(t.resolve).toMatchObject({ count: 3, median: m(150), mean: (m(150) + m(240) + m(45)) / 3, p90: m(240) });
  });

  it("per severity, per month and for the period before", () => {
    const t = timeToInsights(current, [E], period, "Etc/UTC");
    expect(t.bySeverity.SEV2.resolve).toMatchObject({ key: "timeTo.resolve.SEV2", count: 1, median: m(240), incidentIds: ["b"] });
    expect(t.bySeverity.SEV2.detect).toMatchObject({ count: 2, median: (m(20) + m(2)) / 2 });
    expect(t.bySeverity.SEV4.detect).toMatchObject({ count: 0, median: null, mean: null, p90: null, incidentIds: [] });
    expect(t.byMonth.map((row) => row.month)).toEqual(["2026-01", "2026-02"]);
    expect(t.byMonth[0].mitigate).toMatchObject({ key: "timeTo.mitigate.2026-01", count: 2, median: (m(90) + m(60)) / 2 });
    expect(t.byMonth[1].mitigate).toMatchObject({ count: 1, median: m(30), incidentIds: ["d"] });
    expect(t.previous.resolve).toMatchObject({ key: "timeTo.resolve.previous", count: 1, median: m(300), incidentIds: ["e"] });
  });
});
