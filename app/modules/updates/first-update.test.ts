import { describe, expect, it } from "vitest";
import {
  DEFAULT_FIRST_UPDATE_MINUTES,
  FirstUpdateTargetsSchema,
  firstUpdateState,
  firstUpdateText,
  type FirstUpdateIncident,
  type FirstUpdateTargets,
} from "./first-update.ts";

const MINUTE = 60_000;
const declaredAt = new Date(Date.UTC(2026, 11, 5, 10, 0));
const after = (minutes: number) => new Date(declaredAt.getTime() + minutes * MINUTE);

const incident = (over: Partial<FirstUpdateIncident> = {}): FirstUpdateIncident => ({
  severity: "SEV1",
  status: "investigating",
  declaredAt,
  firstPublishedAt: null,
  affectsCustomers: true,
  ...over,
});

describe("the first public update's target", () => {
  it("is due the severity's minutes after the declaration: SEV1 10, SEV2 20, SEV3 60, SEV4 none by default", () => {
    const due = (severity: FirstUpdateIncident["severity"]) =>
      firstUpdateState(incident({ severity }), DEFAULT_FIRST_UPDATE_MINUTES, after(1));
    expect(due("SEV1")).toEqual({ state: "counting", dueAt: after(10), msLeft: 9 * MINUTE });
    expect(due("SEV2")).toEqual({ state: "counting", dueAt: after(20), msLeft: 19 * MINUTE });
    expect(due("SEV3")).toEqual({ state: "counting", dueAt: after(60), msLeft: 59 * MINUTE });
    expect(due("SEV4")).toEqual({ state: "not_applicable", reason: "no_target" });
  });

  it("counts down to the due time and is overdue once it has passed", () => {
    const at = (now: Date) => firstUpdateState(incident(), DEFAULT_FIRST_UPDATE_MINUTES, now);
    expect(at(declaredAt)).toMatchObject({ state: "counting", msLeft: 10 * MINUTE });
    expect(at(after(10))).toMatchObject({ state: "counting", msLeft: 0 });
    expect(at(new Date(after(10).getTime() + 1))).toMatchObject({ state: "overdue", msOverdue: 1 });
    expect(at(after(14))).toEqual({ state: "overdue", dueAt: after(10), msOverdue: 4 * MINUTE });
  });

  it("is met by the first published update, on time or late, and then counts nothing more", () => {
    expect(firstUpdateState(incident({ firstPublishedAt: after(6) }), DEFAULT_FIRST_UPDATE_MINUTES, after(30))).toEqual({
      state: "met",
      publishedAt: after(6),
      late: false,
    });
    expect(firstUpdateState(incident({ firstPublishedAt: after(14) }), DEFAULT_FIRST_UPDATE_MINUTES, after(30))).toMatchObject({
      state: "met",
      late: true,
    });
    // published although the severity has no target: met, not "not applicable"
    expect(
      firstUpdateState(incident({ severity: "SEV4", firstPublishedAt: after(2) }), DEFAULT_FIRST_UPDATE_MINUTES, after(3)),
    ).toMatchObject({
      state: "met",
      late: false,
    });
  });

  it("does not apply to an incident no customer sees, nor to one resolved without an update", () => {
    const state = (over: Partial<FirstUpdateIncident>) => firstUpdateState(incident(over), DEFAULT_FIRST_UPDATE_MINUTES, after(30));
    expect(state({ affectsCustomers: false })).toEqual({ state: "not_applicable", reason: "no_components" });
    expect(state({ status: "resolved" })).toEqual({ state: "not_applicable", reason: "resolved" });
    expect(state({ status: "identified" })).toMatchObject({ state: "overdue" });
    expect(state({ status: "monitoring" })).toMatchObject({ state: "overdue" });
  });

  it("follows the organisation's settings and the incident's severity now (a SEV3 raised to SEV1 is held to SEV1's minutes)", () => {
    const targets: FirstUpdateTargets = { SEV1: 1, SEV2: null, SEV3: 5, SEV4: 1440 };
    expect(firstUpdateState(incident({ severity: "SEV1" }), targets, after(3))).toMatchObject({ state: "overdue", msOverdue: 2 * MINUTE });
    expect(firstUpdateState(incident({ severity: "SEV2" }), targets, after(3))).toEqual({ state: "not_applicable", reason: "no_target" });
    expect(firstUpdateState(incident({ severity: "SEV3" }), targets, after(3))).toMatchObject({ state: "counting", msLeft: 2 * MINUTE });
    expect(firstUpdateState(incident({ severity: "SEV4" }), targets, after(3))).toMatchObject({ dueAt: after(1440) });
  });
});

describe("what the room says", () => {
  const text = (now: Date, over: Partial<FirstUpdateIncident> = {}) =>
    firstUpdateText(firstUpdateState(incident(over), DEFAULT_FIRST_UPDATE_MINUTES, now));
  it("counts whole minutes up while there is time, and seconds in the last minute", () => {
    expect(text(after(4))).toBe("First public update due in 6 min");
    expect(text(new Date(after(4).getTime() + 1_000))).toBe("First public update due in 6 min");
    expect(text(after(9))).toBe("First public update due in 1 min");
    expect(text(new Date(after(9).getTime() + 15_000))).toBe("First public update due in 45 s");
    expect(text(after(10))).toBe("First public update due now");
  });
  it("says how long it is overdue: seconds in the first minute, then whole minutes, then hours", () => {
    expect(text(new Date(after(10).getTime() + 20_000))).toBe("First public update is 20 s overdue");
    expect(text(after(14))).toBe("First public update is 4 min overdue");
    expect(text(new Date(after(14).getTime() + 59_000))).toBe("First public update is 4 min overdue");
    expect(text(after(10 + 135))).toBe("First public update is 2 h 15 min overdue");
  });
  it("says nothing once it is met or when it does not apply", () => {
    expect(text(after(30), { firstPublishedAt: after(5) })).toBeNull();
    expect(text(after(30), { affectsCustomers: false })).toBeNull();
    expect(text(after(30), { severity: "SEV4" })).toBeNull();
  });
});

describe("the settings", () => {
  it("take whole minutes from 1 to 1440, or null for none, for all four severities", () => {
    expect(FirstUpdateTargetsSchema.parse({ SEV1: 1, SEV2: 20, SEV3: 1440, SEV4: null })).toEqual({
      SEV1: 1,
      SEV2: 20,
      SEV3: 1440,
      SEV4: null,
    });
    for (const bad of [0, -5, 1441, 2.5, "10", Number.NaN]) {
      const parsed = FirstUpdateTargetsSchema.safeParse({ SEV1: bad, SEV2: 20, SEV3: 60, SEV4: null });
      expect(parsed.success, String(bad)).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(["SEV1"]);
      expect(parsed.error!.issues[0]!.message).toMatch(/whole number of minutes from 1 to 1440/);
    }
    expect(FirstUpdateTargetsSchema.safeParse({ SEV1: 10, SEV2: 20, SEV3: 60 }).success).toBe(false);
    expect(FirstUpdateTargetsSchema.safeParse({ SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null, SEV5: 1 }).success).toBe(false);
  });
});
