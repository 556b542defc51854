import { describe, expect, it } from "vitest";
import { fitWithin, followMilestones, windowProblems, type WindowBounds } from "./impact-windows.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, 0) + minute * 60_000);
type W = { componentId: string; impact: "major_outage" | "partial_outage" | "degraded_performance"; startedAt: Date; endedAt: Date | null };
const w = (componentId: string, impact: W["impact"], from: number, to: number | null): W => ({
  componentId,
  impact,
  startedAt: at(from),
  endedAt: to === null ? null : at(to),
});
const minutes = (list: W[]) =>
  list.map((x) => [
    x.componentId,
    x.impact,
    (x.startedAt.getTime() - at(0).getTime()) / 60_000,
    x.endedAt ? (x.endedAt.getTime() - at(0).getTime()) / 60_000 : null,
  ]);

// Declared at 10:30 (minute 30), resolved at 11:00 (minute 60): the example.
const declared: WindowBounds = { startedAt: at(30), resolvedAt: at(60) };
const windows = [w("api", "degraded_performance", 30, 40), w("api", "major_outage", 40, 60), w("chat", "partial_outage", 35, 50)];

describe("moving the impact windows with the milestones", () => {
  it("moves a window that began at the old start to the new, earlier start", () => {
    const moved = followMilestones(windows, declared, { startedAt: at(15), resolvedAt: at(60) }, true);
    expect(minutes(moved)).toEqual([
      ["api", "degraded_performance", 15, 40],
      ["api", "major_outage", 40, 60],
      ["chat", "partial_outage", 35, 50],
    ]);
  });

  it("leaves the windows where they are when the writer says not to move them", () => {
    const kept = followMilestones(windows, declared, { startedAt: at(15), resolvedAt: at(60) }, false);
    expect(minutes(kept)).toEqual(minutes(windows));
  });

  it("moves a window that ended at the old resolution to the new, later one", () => {
    const moved = followMilestones(windows, declared, { startedAt: at(30), resolvedAt: at(75) }, true);
    expect(minutes(moved)).toEqual([
      ["api", "degraded_performance", 30, 40],
      ["api", "major_outage", 40, 75],
      ["chat", "partial_outage", 35, 50],
    ]);
  });

  it("cuts windows to a later start and an earlier resolution, moved or not, and drops what falls wholly outside", () => {
    for (const move of [true, false]) {
      const later = followMilestones(windows, declared, { startedAt: at(42), resolvedAt: at(48) }, move);
      expect(minutes(later)).toEqual([
        ["api", "major_outage", 42, 48],
        ["chat", "partial_outage", 42, 48],
      ]);
    }
  });

  it("moves both ends at once when both milestones move", () => {
    const moved = followMilestones([w("api", "major_outage", 30, 60)], declared, { startedAt: at(10), resolvedAt: at(90) }, true);
    expect(minutes(moved)).toEqual([["api", "major_outage", 10, 90]]);
  });

  it("leaves a window inside the incident alone, even when it touches neither end", () => {
    const inside = [w("chat", "partial_outage", 35, 50)];
    expect(minutes(followMilestones(inside, declared, { startedAt: at(0), resolvedAt: at(120) }, true))).toEqual([
      ["chat", "partial_outage", 35, 50],
    ]);
  });

  it("moves an open window's start and keeps it open while the incident is", () => {
    const open: WindowBounds = { startedAt: at(30), resolvedAt: null };
    const moved = followMilestones([w("api", "major_outage", 30, null)], open, { startedAt: at(20), resolvedAt: null }, true);
    expect(minutes(moved)).toEqual([["api", "major_outage", 20, null]]);
  });

  it("does not stretch a window that ended before the resolution when the resolution moves later", () => {
    const moved = followMilestones([w("chat", "partial_outage", 30, 50)], declared, { startedAt: at(30), resolvedAt: at(90) }, true);
    expect(minutes(moved)).toEqual([["chat", "partial_outage", 30, 50]]);
  });

  it("drops a window the new start passes wholly, rather than keeping an empty one", () => {
    const moved = followMilestones(
      [w("api", "degraded_performance", 30, 40), w("api", "major_outage", 40, 60)],
      declared,
      { startedAt: at(45), resolvedAt: at(60) },
      true,
    );
    expect(minutes(moved)).toEqual([["api", "major_outage", 45, 60]]);
  });

  it("keeps what each window carries besides its times", () => {
    const tagged = [{ ...w("api", "major_outage", 30, 60), id: "w1", component: "API" }];
    expect(followMilestones(tagged, declared, { startedAt: at(15), resolvedAt: at(60) }, true)[0]).toMatchObject({
      id: "w1",
      component: "API",
    });
  });
});

describe("fitting windows within the incident", () => {
  it("cuts what lies before Started or after Resolved, and ends open windows at nothing later than Resolved", () => {
    const fitted = fitWithin([w("api", "major_outage", 0, 90), w("chat", "partial_outage", 50, null)], declared);
    expect(minutes(fitted)).toEqual([
      ["api", "major_outage", 30, 60],
      ["chat", "partial_outage", 50, 60],
    ]);
  });

  it("keeps open windows open while the incident is", () => {
    expect(minutes(fitWithin([w("api", "major_outage", 40, null)], { startedAt: at(30), resolvedAt: null }))).toEqual([
      ["api", "major_outage", 40, null],
    ]);
  });
});

describe("checking windows written by hand", () => {
  const bounds: WindowBounds = { startedAt: at(30), resolvedAt: at(60) };

  it("accepts windows within the incident, one after another per component", () => {
    expect(windowProblems(windows, bounds)).toEqual({});
  });

  it("names each window that starts before Started, ends after Resolved, or ends before it starts", () => {
    expect(
      windowProblems([w("api", "major_outage", 20, 40), w("chat", "partial_outage", 40, 70), w("db", "major_outage", 50, 45)], bounds),
    ).toEqual({
      "windows.0.startedAt": "must not be before the incident started (1 Nov 10:30 UTC)",
      "windows.1.endedAt": "must not be after the incident was resolved (1 Nov 11:00 UTC)",
      "windows.2.endedAt": "must be after the window's start",
    });
  });

  it("refuses an open window on a resolved incident, and allows it on an open one", () => {
    expect(windowProblems([w("api", "major_outage", 40, null)], bounds)).toEqual({
      "windows.0.endedAt": "must be set: the incident is resolved",
    });
    expect(windowProblems([w("api", "major_outage", 40, null)], { startedAt: at(30), resolvedAt: null })).toEqual({});
  });

  it("refuses two windows of one component that overlap, including two open ones", () => {
    expect(windowProblems([w("api", "major_outage", 30, 50), w("api", "partial_outage", 45, 60)], bounds)).toEqual({
      "windows.1.startedAt": "overlaps another window of the same component (1 Nov 10:30 UTC to 1 Nov 10:50 UTC)",
    });
    const open = { startedAt: at(30), resolvedAt: null };
    expect(Object.keys(windowProblems([w("api", "major_outage", 30, null), w("api", "partial_outage", 45, null)], open))).toEqual([
      "windows.1.startedAt",
    ]);
  });

  it("allows one window to begin where the one before ended", () => {
    expect(windowProblems([w("api", "major_outage", 30, 45), w("api", "partial_outage", 45, 60)], bounds)).toEqual({});
  });
});
