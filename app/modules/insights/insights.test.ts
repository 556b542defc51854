import { describe, expect, it } from "vitest";
import { describeFigure, figuresByKey, withoutIds } from "./figures.ts";
import { computeInsights } from "./insights.ts";
import { A, C, sampleData, sampleFilters, TO } from "./sample-data.ts";

describe("the insights as a whole", () => {
  const insights = computeInsights(sampleData());

  it("counts the range's incidents, with the period before for the trend", () => {
    expect(insights.counts).toMatchObject({
      count: 4,
      incidentIds: ["a", "b", "c", "d"],
      previous: { key: "incidents.previous", count: 1, incidentIds: ["e"] },
    });
    expect(insights.range).toEqual({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-03-01T00:00:00.000Z",
      previousFrom: "2025-11-03T00:00:00.000Z",
      asOf: "2026-03-01T00:00:00.000Z",
      timeZone: "Etc/UTC",
    });
    expect(insights.sla).toMatchObject({ target: 99.9, source: "default", perComponentTargets: false });
  });

  it("names every incident a figure points at, with its reference", () => {
    for (const figure of figuresByKey(insights).values()) {
      for (const id of figure.incidentIds) expect(insights.incidents[id], `${figure.key} → ${id}`).toBeDefined();
    }
    expect(insights.incidents.a).toEqual({ ref: "INC-1", title: "API down", severity: "SEV1", startedAt: A.startedAt.toISOString() });
  });

  it("has one row per incident of the range, oldest first, with its times and customer-facing minutes", () => {
    expect(insights.incidentRows.map((r) => r.ref)).toEqual(["INC-1", "INC-2", "INC-3", "INC-4"]);
    const a = insights.incidentRows[0];
    // API major 0-90, web partial 10-120: the worst level at each moment counts once.
    expect(a.customerFacing).toEqual({ total: 120 * 60, major_outage: 90 * 60, partial_outage: 30 * 60, degraded_performance: 0 });
    expect(a).toMatchObject({ firstUpdate: 12 * 60, promises: { kept: 2, missed: 1, pending: 0 }, components: ["Messages", "Web chat"] });
    // C is still open: its impact runs to the end of the range.
    const c = insights.incidentRows[2];
    expect(c.customerFacing.partial_outage).toBe((TO.getTime() - C.startedAt.getTime()) / 1000);
    expect(c.resolvedAt).toBeNull();
  });

  it("lists each month a component missed the target", () => {
    expect(insights.sla.missed.map((m) => [m.component, m.month])).toEqual([
      ["API", "2026-01"],
      ["API", "2026-02"],
      ["Messages", "2026-01"],
      ["Messages", "2026-02"],
      ["Web chat", "2026-01"],
    ]);
  });

  it("counts the post-mortems owed now, overdue first, whatever the range, and names each incident", () => {
    // Now is 31 Mar 12:00. A (SEV1, resolved 6 Jan 12:30, none written) was due 11 Jan 12:30: 79 days less
    // half an hour ago, so 78 whole days late; B (SEV2, resolved 20 Jan 12:00, in review) due 30 Jan 12:00: 60 days;
    // F (SEV2, resolved 29 Mar 12:00) is due 8 Apr 12:00, in 8 days; E's is published.
    expect(insights.postmortems.owed).toMatchObject({ key: "postmortems.owed", count: 3, incidentIds: ["a", "b", "f"] });
    expect(insights.postmortems.overdue).toMatchObject({ key: "postmortems.overdue", count: 2, incidentIds: ["a", "b"] });
    expect(insights.postmortems.items.map((i) => [i.ref, i.overdue, i.days, i.postmortemState])).toEqual([
      ["INC-1", true, 78, null],
      ["INC-2", true, 60, "in_review"],
      ["INC-6", false, 8, null],
    ]);
    expect(insights.postmortems.dueDays).toEqual({ SEV1: 5, SEV2: 10, SEV3: null, SEV4: null });
    expect(insights.incidents.f).toMatchObject({ ref: "INC-6" });
    expect(describeFigure("postmortems.overdue")).toBe("Incidents whose post-mortem is overdue");
  });

  it("shows only the chosen component's uptime when filtered", () => {
    const filtered = computeInsights(sampleData({ filters: sampleFilters({ componentId: "web" }) }));
    expect(filtered.uptime.components.map((c) => c.id)).toEqual(["web"]);
  });

  it("finds any figure by its key, and the page's copy keeps counts instead of ids", () => {
    const figures = figuresByKey(insights);
    expect(figures.get("timeTo.resolve.SEV2")?.incidentIds).toEqual(["b"]);
    expect(figures.get("sla.web.2026-01")?.incidentIds.sort()).toEqual(["a", "b"]);
    expect(figures.get("actions.overdue")?.incidentIds).toEqual(["e", "a"]);
    expect(figures.get("week.2026-W07")?.incidentIds).toEqual(["c", "d"]);
    const slim = withoutIds(insights.timeTo.resolve);
    expect(slim).toEqual({
      key: "timeTo.resolve",
      count: 3,
      median: 150 * 60,
      mean: insights.timeTo.resolve.mean,
      p90: 240 * 60,
      incidentCount: 3,
    });
  });

  it("says in words what a figure is, for the list of its incidents", () => {
    const names = (id: string) => ({ web: "Web chat" })[id];
    expect(describeFigure("timeTo.resolve.SEV1")).toBe("Time to resolve · SEV1");
    expect(describeFigure("timeTo.detect.previous")).toBe("Time to detect · the period before");
    expect(describeFigure("week.2026-W07.SEV2")).toBe("SEV2 incidents started in week 2026-W07");
    expect(describeFigure("sla.web.2026-01", names)).toBe("Incidents that affected Web chat in 2026-01");
    expect(describeFigure("actions.overdue")).toBe("Incidents with action items open past their due date");
    expect(describeFigure("incidents")).toBe("All incidents");
  });
});
