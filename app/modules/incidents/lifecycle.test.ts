import { describe, expect, it } from "vitest";
import {
  canMoveStatus,
  diffComponentImpacts,
  INCIDENT_STATUSES,
  milestoneProblems,
  nextStatuses,
  stampsForCommander,
  stampsForStatus,
  type IncidentStatusName,
  type Milestones,
} from "./lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));
const now = at(30);

function milestones(overrides: Partial<Milestones> = {}): Milestones {
  return { startedAt: at(0), detectedAt: at(5), acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, ...overrides };
}

describe("status transitions", () => {
  // from -> to: legal?  Forward skips are allowed; a resolved incident can only be reopened.
  const table: [IncidentStatusName, IncidentStatusName, boolean][] = [
    ["investigating", "identified", true],
    ["investigating", "monitoring", true],
    ["investigating", "resolved", true],
    ["identified", "investigating", true],
    ["identified", "monitoring", true],
    ["identified", "resolved", true],
    ["monitoring", "investigating", true],
    ["monitoring", "identified", true],
    ["monitoring", "resolved", true],
    ["resolved", "investigating", true],
    ["resolved", "identified", false],
    ["resolved", "monitoring", false],
    ["investigating", "investigating", false],
    ["identified", "identified", false],
    ["monitoring", "monitoring", false],
    ["resolved", "resolved", false],
  ];

  it("covers every pair of statuses", () => {
    expect(table).toHaveLength(INCIDENT_STATUSES.length ** 2);
  });

  it.each(table)("%s -> %s is legal: %s", (from, to, legal) => {
    expect(canMoveStatus(from, to)).toBe(legal);
    expect(nextStatuses(from).includes(to)).toBe(legal);
  });
});

describe("milestone stamps", () => {
  it("entering monitoring stamps mitigated", () => {
    expect(stampsForStatus("monitoring", milestones(), now)).toEqual({ mitigatedAt: now });
  });

  it("keeps a mitigation time that was already set", () => {
    expect(stampsForStatus("monitoring", milestones({ mitigatedAt: at(20) }), now)).toEqual({});
  });

  it("resolving stamps resolved, and mitigated when it was never mitigated", () => {
    expect(stampsForStatus("resolved", milestones(), now)).toEqual({ resolvedAt: now, mitigatedAt: now });
    expect(stampsForStatus("resolved", milestones({ mitigatedAt: at(20) }), now)).toEqual({ resolvedAt: now });
  });

  it("reopening clears the resolution time and keeps the rest", () => {
    const resolved = milestones({ mitigatedAt: at(20), resolvedAt: at(25) });
    expect(stampsForStatus("investigating", resolved, now)).toEqual({ resolvedAt: null });
    expect(stampsForStatus("identified", milestones(), now)).toEqual({});
  });

  it("assigning a commander acknowledges once", () => {
    expect(stampsForCommander("u1", milestones(), now)).toEqual({ acknowledgedAt: now });
    expect(stampsForCommander("u2", milestones({ acknowledgedAt: at(10) }), now)).toEqual({});
    expect(stampsForCommander(null, milestones(), now)).toEqual({});
  });
});

describe("milestoneProblems", () => {
  it("finds nothing wrong with milestones in order or unset", () => {
    expect(milestoneProblems(milestones({ acknowledgedAt: at(10), mitigatedAt: at(20), resolvedAt: at(25) }))).toEqual([]);
    expect(milestoneProblems(milestones())).toEqual([]);
  });

  it("names each milestone that comes before an earlier one", () => {
    expect(milestoneProblems(milestones({ detectedAt: at(0), startedAt: at(5) }))).toEqual(["Detected is before started."]);
    expect(milestoneProblems(milestones({ mitigatedAt: at(20), resolvedAt: at(15) }))).toEqual(["Resolved is before mitigated."]);
  });

  it("compares across unset milestones", () => {
    expect(milestoneProblems(milestones({ resolvedAt: at(1) }))).toEqual(["Resolved is before detected."]);
  });
});

describe("diffComponentImpacts", () => {
  const api = { componentId: "api", impact: "partial_outage" as const };
  const web = { componentId: "web", impact: "degraded_performance" as const };

  it("leaves unchanged components alone", () => {
    expect(diffComponentImpacts([api, web], [web, api])).toEqual({ close: [], open: [] });
  });

  it("closes and reopens a component whose impact changes", () => {
    expect(diffComponentImpacts([api, web], [{ componentId: "api", impact: "major_outage" }, web])).toEqual({
      close: ["api"],
      open: [{ componentId: "api", impact: "major_outage" }],
    });
  });

  it("closes a component no longer listed and opens a new one", () => {
    expect(diffComponentImpacts([api], [web])).toEqual({ close: ["api"], open: [web] });
  });

  it("clears everything when the list becomes empty", () => {
    expect(diffComponentImpacts([api, web], [])).toEqual({ close: ["api", "web"], open: [] });
  });
});

describe("incidentRef", () => {
  it("is INC- and the number", () => {
    expect(incidentRef(42)).toBe("INC-42");
  });
});
