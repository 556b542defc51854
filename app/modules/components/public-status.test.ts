import { describe, expect, it } from "vitest";
import { publicStatuses, type PublishedClaim } from "./public-status.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 14, minute));
const claim = (incidentId: string, componentId: string, status: PublishedClaim["status"], minute: number): PublishedClaim => ({
  incidentId,
  componentId,
  status,
  publishedAt: at(minute),
});

describe("public component status", () => {
  it("is operational when nothing public holds the component", () => {
    expect(publicStatuses(["api"], [], new Set())).toEqual(new Map([["api", "operational"]]));
  });

  it("follows the latest published update of an incident, even when it is better than an earlier one", () => {
    const claims = [claim("inc1", "api", "major_outage", 0), claim("inc1", "api", "degraded_performance", 30)];
    expect(publicStatuses(["api"], claims, new Set()).get("api")).toBe("degraded_performance");
  });

  it("shows the worst of two open incidents holding the same component", () => {
    const claims = [claim("inc1", "api", "degraded_performance", 0), claim("inc2", "api", "partial_outage", 5)];
    expect(publicStatuses(["api"], claims, new Set()).get("api")).toBe("partial_outage");
  });

  it("keeps a component under maintenance while its window runs, unless an incident says worse", () => {
    expect(publicStatuses(["db"], [], new Set(["db"])).get("db")).toBe("under_maintenance");
    expect(publicStatuses(["db"], [claim("inc1", "db", "major_outage", 0)], new Set(["db"])).get("db")).toBe("major_outage");
  });

  it("returns a component to operational when its last holder says operational", () => {
    const claims = [claim("inc1", "api", "partial_outage", 0), claim("inc1", "api", "operational", 40)];
    expect(publicStatuses(["api"], claims, new Set()).get("api")).toBe("operational");
  });
});
