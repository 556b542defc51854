import { describe, expect, it } from "vitest";
import {
  ALL_SYSTEMS_OPERATIONAL,
  DEGRADED_SYSTEM_SERVICE,
  impactOfStatuses,
  MAJOR_SYSTEM_OUTAGE,
  MINOR_SERVICE_OUTAGE,
  PARTIAL_SYSTEM_OUTAGE,
  PARTIALLY_DEGRADED_SERVICE,
  pageStatus,
  SERVICE_UNDER_MAINTENANCE,
  worstStatus,
} from "./indicator.ts";
import type {
  ComponentStatusName,
  IncidentImpact,
  PublicComponent,
  PublicIncident,
  PublicIncidentStatus,
  PublicMaintenance,
  PublicPage,
} from "./model.ts";

const at = new Date("2026-11-23T14:05:00.000Z");

function component(id: string, status: ComponentStatusName, extra: Partial<PublicComponent> = {}): PublicComponent {
  return {
    id,
    name: id,
    description: null,
    status,
    position: 1,
    groupId: null,
    isGroup: false,
    memberIds: [],
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

function incident(status: PublicIncidentStatus, impact: IncidentImpact): PublicIncident {
  return {
    kind: "incident",
    id: `inc${status}${impact}`.slice(0, 12),
    name: "Elevated errors",
    status,
    impact,
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    monitoringAt: null,
    resolvedAt: status === "resolved" ? at : null,
    componentIds: [],
    updates: [],
  };
}

function maintenance(status: PublicMaintenance["status"]): PublicMaintenance {
  return {
    kind: "maintenance",
    id: "mnt000000001",
    name: "Database upgrade",
    status,
    impact: "maintenance",
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    monitoringAt: null,
    resolvedAt: null,
    componentIds: [],
    updates: [],
    scheduledFor: at,
    scheduledUntil: at,
  };
}

function page(components: PublicComponent[], incidents: PublicIncident[] = [], maintenances: PublicMaintenance[] = []): PublicPage {
  return {
    page: { id: "kctbh9vrtdwd", name: "Acme", url: "https://status.acme.test", timeZone: "Etc/UTC", updatedAt: at },
    components,
    incidents,
    maintenances,
    history: [],
    weights: { partialOutage: 0.3, degradedPerformance: 0 },
    generatedAt: at,
  };
}

describe("worst status and impact", () => {
  it("ranks an outage above maintenance and maintenance above operational", () => {
    expect(worstStatus([])).toBe("operational");
    expect(worstStatus(["operational", "under_maintenance"])).toBe("under_maintenance");
    expect(worstStatus(["under_maintenance", "degraded_performance"])).toBe("degraded_performance");
    expect(worstStatus(["partial_outage", "major_outage", "operational"])).toBe("major_outage");
  });

  it("maps component statuses to the impact a reader sees", () => {
    expect(impactOfStatuses([])).toBe("none");
    expect(impactOfStatuses(["under_maintenance", "operational"])).toBe("none");
    expect(impactOfStatuses(["degraded_performance"])).toBe("minor");
    expect(impactOfStatuses(["degraded_performance", "partial_outage"])).toBe("major");
    expect(impactOfStatuses(["major_outage", "partial_outage"])).toBe("critical");
  });
});

describe("the page's headline status", () => {
  it("says all systems operational when nothing is wrong", () => {
    expect(pageStatus(page([component("a", "operational")]))).toEqual({ indicator: "none", description: ALL_SYSTEMS_OPERATIONAL });
    expect(pageStatus(page([]))).toEqual({ indicator: "none", description: ALL_SYSTEMS_OPERATIONAL });
  });

  it("says major system outage when a component is down", () => {
    const p = page([component("a", "major_outage"), component("b", "operational")]);
    expect(pageStatus(p)).toEqual({ indicator: "critical", description: MAJOR_SYSTEM_OUTAGE });
  });

  it("says partial system outage for a partial outage", () => {
    const p = page([component("a", "partial_outage"), component("b", "degraded_performance")]);
    expect(pageStatus(p)).toEqual({ indicator: "major", description: PARTIAL_SYSTEM_OUTAGE });
  });

  it("tells partly degraded from wholly degraded service", () => {
    const some = page([component("a", "degraded_performance"), component("b", "operational")]);
    expect(pageStatus(some)).toEqual({ indicator: "minor", description: PARTIALLY_DEGRADED_SERVICE });
    const all = page([component("a", "degraded_performance"), component("b", "degraded_performance")]);
    expect(pageStatus(all)).toEqual({ indicator: "minor", description: DEGRADED_SYSTEM_SERVICE });
  });

  it("ignores a group's rolled-up status when judging whether every component is degraded", () => {
    const p = page([
      component("g", "degraded_performance", { isGroup: true, memberIds: ["a"] }),
      component("a", "degraded_performance", { groupId: "g" }),
      component("b", "operational"),
    ]);
    expect(pageStatus(p).description).toBe(PARTIALLY_DEGRADED_SERVICE);
  });

  it("raises the level to an open incident's impact even when every component looks fine", () => {
    const green = [component("a", "operational")];
    expect(pageStatus(page(green, [incident("investigating", "minor")]))).toEqual({
      indicator: "minor",
      description: MINOR_SERVICE_OUTAGE,
    });
    expect(pageStatus(page(green, [incident("identified", "major")]))).toEqual({ indicator: "major", description: PARTIAL_SYSTEM_OUTAGE });
    expect(pageStatus(page(green, [incident("monitoring", "critical")]))).toEqual({
      indicator: "critical",
      description: MAJOR_SYSTEM_OUTAGE,
    });
  });

  it("describes degraded components as degraded even when a minor incident is also open", () => {
    const p = page([component("a", "degraded_performance"), component("b", "operational")], [incident("identified", "minor")]);
    expect(pageStatus(p).description).toBe(PARTIALLY_DEGRADED_SERVICE);
  });

  it("forgets resolved incidents and post-mortems", () => {
    const p = page([component("a", "operational")], [incident("resolved", "critical"), incident("postmortem", "major")]);
    expect(pageStatus(p)).toEqual({ indicator: "none", description: ALL_SYSTEMS_OPERATIONAL });
  });

  it("says under maintenance while a component is in maintenance or a maintenance is running", () => {
    const expected = { indicator: "maintenance", description: SERVICE_UNDER_MAINTENANCE };
    expect(pageStatus(page([component("a", "under_maintenance"), component("b", "operational")]))).toEqual(expected);
    expect(pageStatus(page([component("a", "operational")], [], [maintenance("in_progress")]))).toEqual(expected);
    expect(pageStatus(page([component("a", "operational")], [], [maintenance("verifying")]))).toEqual(expected);
    expect(pageStatus(page([component("a", "operational")], [], [maintenance("scheduled"), maintenance("completed")]))).toEqual({
      indicator: "none",
      description: ALL_SYSTEMS_OPERATIONAL,
    });
  });

  it("puts an outage before maintenance", () => {
    const p = page([component("a", "under_maintenance"), component("b", "major_outage")], [], [maintenance("in_progress")]);
    expect(pageStatus(p).indicator).toBe("critical");
  });
});
