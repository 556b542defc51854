import { describe, expect, it } from "vitest";
import type { ImpactWindowFacts } from "./model.ts";
import { A, B, C, COMPONENTS, DAY, FROM, TO, WEIGHTS, at } from "./sample-data.ts";
import { componentInsights, shownComponents, uptimeStart } from "./uptime.ts";

const windows: ImpactWindowFacts[] = [A, B, C].flatMap((i) => i.windows);
const input = {
  components: COMPONENTS,
  windows,
  weights: WEIGHTS,
  timeZone: "Etc/UTC",
  asOf: TO,
  from: FROM,
  slaTarget: 99.9,
  ownTargets: true,
};
const minutesBetween = (from: string, to: Date) => (to.getTime() - Date.parse(from)) / 60_000;

describe("uptime per component from impact windows", () => {
  const result = componentInsights(input);
  const byId = Object.fromEntries(result.map((c) => [c.id, c]));
  // C: API partly down from 10 February 23:30 until the figures' end (1 March).
  const cPartial = minutesBetween("2026-02-10T23:30:00Z", TO);

  it("over 90 days: the minutes of each level and the weighted uptime", () => {
    const observed = 90 * 24 * 60;
    const downtime = 90 * 1 + cPartial * WEIGHTS.partialOutage; // A: 90 minutes of major outage
    expect(byId.api.last90).toMatchObject({
      key: "uptime.api.90",
      days: 90,
      observedMinutes: observed,
      minutes: { major_outage: 90, partial_outage: cPartial, degraded_performance: 0 },
    });
    expect(byId.api.last90.percent).toBeCloseTo(100 * (1 - downtime / observed), 5);
    expect(byId.api.last90.downtimeMinutes).toBeCloseTo(downtime, 2);
    expect(byId.api.last90.incidentIds.sort()).toEqual(["a", "c"]);

    const webDowntime = 110 * WEIGHTS.partialOutage + 240 * WEIGHTS.degradedPerformance; // A: 10:10-12:00, B: 08:00-12:00
    expect(byId.web.last90.minutes).toEqual({ major_outage: 0, partial_outage: 110, degraded_performance: 240 });
    expect(byId.web.last90.percent).toBeCloseTo(100 * (1 - webDowntime / observed), 5);
  });

  it("over 30 days only what fell in them", () => {
    expect(byId.api.last30).toMatchObject({ days: 30, minutes: { major_outage: 0, partial_outage: cPartial }, incidentIds: ["c"] });
    expect(byId.api.last30.percent).toBeCloseTo(100 * (1 - (cPartial * WEIGHTS.partialOutage) / (30 * 24 * 60)), 5);
    expect(byId.web.last30).toMatchObject({ percent: 100, downtimeMinutes: 0, incidentIds: [] });
  });

  it("a group is as bad as its worst member at each moment", () => {
    expect(byId["g-api"].last90.minutes).toEqual(byId.api.last90.minutes);
    expect(byId["g-api"].last90.percent).toBe(byId.api.last90.percent);
    expect(byId.streaming.last90.percent).toBe(100);
  });

  it("counts only the days a component existed", () => {
    const young = {
      id: "new",
      name: "New",
      isGroup: false,
      groupId: null,
      position: 3,
      createdAt: new Date(TO.getTime() - 10 * DAY),
      slaTarget: null,
    };
    const [figures] = componentInsights({
      ...input,
      components: [young],
      windows: [
        {
          incidentId: "x",
          componentId: "new",
          impact: "major_outage",
          startedAt: at("2026-02-25T00:00:00Z"),
          endedAt: at("2026-02-25T01:00:00Z"),
        },
      ],
    });
    expect(figures.last90.observedMinutes).toBe(10 * 24 * 60);
    expect(figures.last90.percent).toBeCloseTo(100 * (1 - 60 / (10 * 24 * 60)), 5);
    expect(figures.months.map((month) => month.complete)).toEqual([false, false]);
    // Without windows, a component that existed all along still counts all 90 days.
    const [, old] = componentInsights({ ...input, components: [young, { ...young, id: "old", createdAt: new Date(0) }], windows: [] });
    expect(old.last90).toMatchObject({ observedMinutes: 90 * 24 * 60, percent: 100 });
  });

  it("the SLA view: which months missed the target and by how many minutes", () => {
    const jan = 31 * 24 * 60;
    const feb = 28 * 24 * 60;
    const [apiJan, apiFeb] = byId.api.months;
    expect(apiJan).toMatchObject({ key: "sla.api.2026-01", month: "2026-01", complete: true, met: false, incidentIds: ["a"] });
    expect(apiJan.percent).toBeCloseTo(100 * (1 - 90 / jan), 5);
    expect(apiJan.allowedMinutes).toBeCloseTo(jan * 0.001, 3);
    expect(apiJan.excessMinutes).toBeCloseTo(90 - jan * 0.001, 2);
    expect(apiFeb.excessMinutes).toBeCloseTo(cPartial * WEIGHTS.partialOutage - feb * 0.001, 2);
    const [webJan, webFeb] = byId.web.months;
    expect(webJan.excessMinutes).toBeCloseTo(110 * 0.5 + 240 * 0.1 - jan * 0.001, 2);
    expect(webFeb).toMatchObject({ met: true, excessMinutes: 0, percent: 100, incidentIds: [] });
    // A looser target is met where the downtime fits in it.
    const loose = componentInsights({ ...input, slaTarget: 99.5 });
    expect(loose.find((c) => c.id === "web")!.months[0]).toMatchObject({ met: true, excessMinutes: 0 });
  });

  it("holds a component to its own target from the catalog, unless the reader asked for one target for all", () => {
    // Web chat promises 99.5%: January's 110 min at half weight and 240 min at a tenth fit in it.
    const own = COMPONENTS.map((c) => (c.id === "web" ? { ...c, slaTarget: 99.5 } : c));
    const [jan] = componentInsights({ ...input, components: own }).find((c) => c.id === "web")!.months;
    const janMinutes = 31 * 24 * 60;
    expect(jan).toMatchObject({ met: true, excessMinutes: 0, allowedMinutes: expect.closeTo(janMinutes * 0.005, 2) });
    expect(componentInsights({ ...input, components: own }).find((c) => c.id === "web")!.slaTarget).toBe(99.5);
    // The others keep the default.
    expect(componentInsights({ ...input, components: own }).find((c) => c.id === "api")!.slaTarget).toBe(99.9);
    // A target in the query is a what-if for every component, its own target included.
    const whatIf = componentInsights({ ...input, components: own, ownTargets: false }).find((c) => c.id === "web")!;
    expect(whatIf.slaTarget).toBe(99.9);
    expect(whatIf.months[0]).toMatchObject({ met: false });
  });

  it("needs impact windows from the earlier of 90 days back and the range's first month", () => {
    expect(uptimeStart(input).toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(uptimeStart({ ...input, from: at("2025-06-15T00:00:00Z") }).toISOString()).toBe("2025-06-01T00:00:00.000Z");
  });

  it("shows a group with its members, or one component, when filtered", () => {
    expect(shownComponents(COMPONENTS, "g-api").map((c) => c.id)).toEqual(["g-api", "api", "streaming"]);
    expect(shownComponents(COMPONENTS, "web").map((c) => c.id)).toEqual(["web"]);
    expect(shownComponents(COMPONENTS, null)).toHaveLength(4);
  });
});
