// The headline numbers come from the incident's data at the time of reading: a milestone
// corrected or an incident reopened changes them at once.
import { describe, expect, it } from "vitest";
import { headlineNumbers, keyMoments, type IncidentFacts } from "./headline.ts";

const START = Date.UTC(2026, 10, 5, 14, 52);
const at = (minutes: number) => new Date(START + minutes * 60_000);

const facts = (overrides: Partial<IncidentFacts> = {}): IncidentFacts => ({
  milestones: { startedAt: at(0), detectedAt: at(3), acknowledgedAt: at(5), mitigatedAt: at(60), resolvedAt: at(90) },
  impacts: [{ componentId: "c1", component: "API", impact: "partial_outage", startedAt: at(0), endedAt: null }],
  regions: ["EU West"],
  updates: [],
  ...overrides,
});

describe("headlineNumbers", () => {
  it("closes open impact windows at resolution", () => {
    const n = headlineNumbers(facts(), at(500));
    expect(n.duration).toBe(90 * 60_000);
    expect(n.customerFacing.total).toBe(90 * 60_000);
    expect(n.customerFacing.byLevel.partial_outage).toBe(90 * 60_000);
    expect(n.timeTo).toEqual({ detect: 3 * 60_000, acknowledge: 2 * 60_000, mitigate: 60 * 60_000, resolve: 90 * 60_000 });
    expect(n.components).toEqual([{ name: "API", worst: "partial_outage" }]);
  });

  it("has no duration for an incident reopened since, and counts its impact until now", () => {
    const n = headlineNumbers(
      facts({ milestones: { startedAt: at(0), detectedAt: at(3), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null } }),
      at(120),
    );
    expect(n.duration).toBeNull();
    expect(n.timeTo.acknowledge).toBeNull();
    expect(n.customerFacing.total).toBe(120 * 60_000);
  });

  it("counts promises kept, missed and still due", () => {
    const updates = [
      { id: "u1", status: "investigating", body: "a", publishedAt: at(5), nextUpdateAt: at(35) },
      { id: "u2", status: "identified", body: "b", publishedAt: at(30), nextUpdateAt: at(60) },
      { id: "u3", status: "monitoring", body: "c", publishedAt: at(75), nextUpdateAt: at(200) },
    ];
    expect(headlineNumbers(facts({ updates }), at(100)).updates).toEqual({ published: 3, promised: 3, kept: 1, missed: 1, pending: 1 });
  });
});

describe("keyMoments", () => {
  it("puts milestones and customer updates in time order, milestones first at the same minute", () => {
    const moments = keyMoments(
      facts({ updates: [{ id: "u1", status: "resolved", body: "Fixed.", publishedAt: at(90), nextUpdateAt: null }] }),
      at(500),
    );
    expect(moments.map((m) => m.label)).toEqual(["Started", "Detected", "Acknowledged", "Mitigated", "Resolved", "Customer update"]);
    expect(moments[5]).toEqual({ at: at(90).toISOString(), kind: "update", label: "Customer update", detail: "Resolved: Fixed." });
  });

  it("leaves out milestones never reached", () => {
    const moments = keyMoments(
      facts({ milestones: { startedAt: at(0), detectedAt: at(0), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null } }),
      at(10),
    );
    expect(moments.map((m) => m.label)).toEqual(["Started", "Detected"]);
  });
});
