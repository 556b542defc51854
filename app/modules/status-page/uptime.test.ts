import { describe, expect, it } from "vitest";
import type { ComponentStatusName, IncidentImpact, PublicComponent, PublicIncident, PublicPage, StatusInterval } from "./model.ts";
import { DEFAULT_UPTIME_WEIGHTS, formatUptime, type UptimeDay, uptimeDays, uptimePercent } from "./uptime.ts";

const longAgo = new Date("2025-01-01T00:00:00.000Z");

function component(id: string, extra: Partial<PublicComponent> = {}): PublicComponent {
  return {
    id,
    name: id,
    description: null,
    status: "operational",
    position: 1,
    groupId: null,
    isGroup: false,
    memberIds: [],
    createdAt: longAgo,
    updatedAt: longAgo,
    ...extra,
  };
}

const api = component("api", { isGroup: true, memberIds: ["messages", "streaming"] });
const messages = component("messages", { groupId: "api", position: 1 });
const streaming = component("streaming", { groupId: "api", position: 2 });
const console_ = component("console", { position: 2 });

function interval(componentId: string, status: ComponentStatusName, from: string, to: string | null): StatusInterval {
  return { componentId, status, from: new Date(from), to: to === null ? null : new Date(to) };
}

function incident(
  id: string,
  componentIds: string[],
  startedAt: string,
  resolvedAt: string | null,
  impact: IncidentImpact = "major",
): PublicIncident {
  return {
    kind: "incident",
    id,
    name: `Incident ${id}`,
    status: resolvedAt ? "resolved" : "identified",
    impact,
    createdAt: new Date(startedAt),
    updatedAt: new Date(startedAt),
    startedAt: new Date(startedAt),
    monitoringAt: null,
    resolvedAt: resolvedAt ? new Date(resolvedAt) : null,
    componentIds,
    updates: [],
  };
}

function page(opts: {
  generatedAt: string;
  history?: StatusInterval[];
  incidents?: PublicIncident[];
  components?: PublicComponent[];
  timeZone?: string;
}): PublicPage {
  return {
    page: { id: "kctbh9vrtdwd", name: "Acme", url: "https://status.acme.test", timeZone: opts.timeZone ?? "Etc/UTC", updatedAt: longAgo },
    components: opts.components ?? [api, messages, streaming, console_],
    incidents: opts.incidents ?? [],
    maintenances: [],
    history: opts.history ?? [],
    weights: DEFAULT_UPTIME_WEIGHTS,
    generatedAt: new Date(opts.generatedAt),
  };
}

const total = (day: UptimeDay) => Object.values(day.minutes).reduce((a, b) => a + b, 0);

describe("uptime bars", () => {
  it("shows one bar per day, oldest first, ending today, with the outage on the day it happened", () => {
    const days = uptimeDays(
      page({
        generatedAt: "2026-11-23T12:00:00.000Z",
        history: [interval("messages", "partial_outage", "2026-11-21T10:00:00.000Z", "2026-11-21T10:30:00.000Z")],
      }),
      "messages",
      3,
    );
    expect(days.map((d) => d.date)).toEqual(["2026-11-21", "2026-11-22", "2026-11-23"]);
    expect(days.map((d) => d.worst)).toEqual(["partial_outage", "operational", "operational"]);
    expect(days[0].minutes.partial_outage).toBe(30);
    expect(days[0].minutes.operational).toBe(24 * 60 - 30);
    expect(total(days[1])).toBe(24 * 60);
    // today only counts up to the moment the page was built
    expect(total(days[2])).toBe(12 * 60);
  });

  it("has no data for the days before the component existed, and counts its first day from its creation", () => {
    const created = component("messages", { createdAt: new Date("2026-11-22T18:00:00.000Z") });
    const days = uptimeDays(page({ generatedAt: "2026-11-23T06:00:00.000Z", components: [created] }), "messages", 3);
    expect(days.map((d) => d.worst)).toEqual([null, "operational", "operational"]);
    expect(total(days[0])).toBe(0);
    expect(total(days[1])).toBe(6 * 60);
    expect(uptimePercent(days.slice(0, 1), DEFAULT_UPTIME_WEIGHTS)).toBeNull();
  });

  it("keeps an outage that is still going on running until now", () => {
    const days = uptimeDays(
      page({ generatedAt: "2026-11-23T12:00:00.000Z", history: [interval("console", "major_outage", "2026-11-23T11:00:00.000Z", null)] }),
      "console",
      1,
    );
    expect(days[0].minutes.major_outage).toBe(60);
    expect(days[0].minutes.operational).toBe(11 * 60);
    expect(days[0].worst).toBe("major_outage");
  });

  it("shows a group as bad as its worst member at each moment", () => {
    const history = [
      interval("messages", "partial_outage", "2026-11-22T10:00:00.000Z", "2026-11-22T11:00:00.000Z"),
      interval("streaming", "major_outage", "2026-11-22T10:30:00.000Z", "2026-11-22T12:00:00.000Z"),
      interval("console", "major_outage", "2026-11-22T00:00:00.000Z", "2026-11-22T23:00:00.000Z"),
    ];
    const [day] = uptimeDays(page({ generatedAt: "2026-11-23T00:00:00.000Z", history }), "api", 2);
    expect(day.date).toBe("2026-11-22");
    expect(day.minutes).toEqual({
      operational: 24 * 60 - 120,
      degraded_performance: 0,
      partial_outage: 30,
      major_outage: 90,
      under_maintenance: 0,
    });
    expect(day.worst).toBe("major_outage");
  });

  it("follows the page's time zone, including the 23-hour day when clocks go forward", () => {
    // Berlin: clocks go forward on 29 March 2026; 23:30 UTC on the 28th is already 00:30 on the 29th there.
    const history = [interval("console", "major_outage", "2026-03-28T22:30:00.000Z", "2026-03-28T23:30:00.000Z")];
    const days = uptimeDays(page({ generatedAt: "2026-03-30T10:00:00.000Z", timeZone: "Europe/Berlin", history }), "console", 3);
    expect(days.map((d) => d.date)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(days.map(total)).toEqual([24 * 60, 23 * 60, 12 * 60]);
    expect(days[0].minutes.major_outage).toBe(30);
    expect(days[1].minutes.major_outage).toBe(30);
  });

  it("has a 25-hour day when clocks go back", () => {
    const days = uptimeDays(page({ generatedAt: "2026-10-26T10:00:00.000Z", timeZone: "Europe/Berlin" }), "console", 2);
    expect(days[0].date).toBe("2026-10-25");
    expect(total(days[0])).toBe(25 * 60);
  });

  it("lists on each day the incidents that touched the component then", () => {
    const incidents = [
      incident("i1", ["messages"], "2026-11-21T23:00:00.000Z", "2026-11-22T01:00:00.000Z"),
      incident("i2", ["streaming"], "2026-11-23T09:00:00.000Z", null, "critical"),
      incident("i3", ["console"], "2026-11-22T09:00:00.000Z", "2026-11-22T10:00:00.000Z"),
    ];
    const p = page({ generatedAt: "2026-11-23T12:00:00.000Z", incidents });
    const group = uptimeDays(p, "api", 3);
    expect(group.map((d) => d.incidents.map((i) => i.id))).toEqual([["i1"], ["i1"], ["i2"]]);
    expect(group[2].incidents[0]).toEqual({ id: "i2", name: "Incident i2", impact: "critical" });
    expect(uptimeDays(p, "messages", 3).map((d) => d.incidents.length)).toEqual([1, 1, 0]);
    expect(uptimeDays(p, "console", 3).map((d) => d.incidents.map((i) => i.id))).toEqual([[], ["i3"], []]);
  });

  it("does not put an incident resolved exactly at midnight on the next day", () => {
    const p = page({
      generatedAt: "2026-11-23T12:00:00.000Z",
      incidents: [incident("i1", ["console"], "2026-11-22T22:00:00.000Z", "2026-11-23T00:00:00.000Z")],
    });
    expect(uptimeDays(p, "console", 2).map((d) => d.incidents.length)).toEqual([1, 0]);
  });
});

describe("uptime percentage", () => {
  const fullDay = (minutes: Partial<Record<ComponentStatusName, number>>): UptimeDay => {
    const m = { operational: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0, under_maintenance: 0, ...minutes };
    m.operational = 1440 - (m.degraded_performance + m.partial_outage + m.major_outage + m.under_maintenance);
    return { date: "2026-11-22", worst: "operational", minutes: m, incidents: [] };
  };

  it("counts 30 minutes of partial outage at weight 0.3 as 9 minutes down", () => {
    const percent = uptimePercent([fullDay({ partial_outage: 30 })], { partialOutage: 0.3, degradedPerformance: 0 });
    expect(percent).toBeCloseTo(100 * (1 - 9 / 1440), 10);
    expect(percent).toBeCloseTo(99.375, 10);
  });

  it("counts a major outage in full and degraded performance by its weight", () => {
    const days = [fullDay({ major_outage: 60 }), fullDay({ degraded_performance: 120 })];
    expect(uptimePercent(days, { partialOutage: 0.3, degradedPerformance: 0.5 })).toBeCloseTo(100 * (1 - (60 + 60) / 2880), 10);
    expect(uptimePercent(days, DEFAULT_UPTIME_WEIGHTS)).toBeCloseTo(100 * (1 - 60 / 2880), 10);
  });

  it("never counts maintenance as downtime", () => {
    expect(uptimePercent([fullDay({ under_maintenance: 240 })], DEFAULT_UPTIME_WEIGHTS)).toBe(100);
  });

  it("ignores days without data and has no figure when no day has any", () => {
    const empty: UptimeDay = { ...fullDay({}), worst: null, minutes: { ...fullDay({}).minutes, operational: 0 } };
    expect(uptimePercent([empty, fullDay({ major_outage: 144 })], DEFAULT_UPTIME_WEIGHTS)).toBeCloseTo(90, 10);
    expect(uptimePercent([empty], DEFAULT_UPTIME_WEIGHTS)).toBeNull();
    expect(uptimePercent([], DEFAULT_UPTIME_WEIGHTS)).toBeNull();
  });

  it("computes the figure shown beside the bars from them", () => {
    const days = uptimeDays(
      page({
        generatedAt: "2026-11-23T00:00:00.000Z",
        history: [interval("console", "major_outage", "2026-11-22T00:00:00.000Z", "2026-11-22T01:12:00.000Z")],
      }),
      "console",
      2,
    );
    // 72 of the 1440 minutes observed so far (today has none yet)
    expect(uptimePercent(days, DEFAULT_UPTIME_WEIGHTS)).toBeCloseTo(95, 10);
  });
});

describe("uptime as text", () => {
  it("shows two decimals and never rounds a bad day up to 100%", () => {
    expect(formatUptime(99.98)).toBe("99.98%");
    expect(formatUptime(100)).toBe("100.00%");
    expect(formatUptime(99.9999)).toBe("99.99%");
    expect(formatUptime(95)).toBe("95.00%");
    expect(formatUptime(null)).toBe("No data");
  });
});
