import { describe, expect, it } from "vitest";
import { activeImpactsByComponent, worstImpact } from "./rollup.ts";

describe("component impact roll-up", () => {
  it("takes the worst impact", () => {
    expect(worstImpact([])).toBeNull();
    expect(worstImpact(["degraded_performance", "major_outage", "partial_outage"])).toBe("major_outage");
  });

  it("gives a group each of its members' incidents once, at the worst impact", () => {
    const map = activeImpactsByComponent(
      [
        { componentId: "messages", impact: "partial_outage", incidentId: "i1", ref: "INC-1" },
        { componentId: "streaming", impact: "major_outage", incidentId: "i1", ref: "INC-1" },
        { componentId: "batch", impact: "degraded_performance", incidentId: "i2", ref: "INC-2" },
      ],
      [{ id: "api", memberIds: ["messages", "streaming", "batch"] }],
    );
    expect(map.get("api")).toEqual([
      { incidentId: "i1", ref: "INC-1", impact: "major_outage" },
      { incidentId: "i2", ref: "INC-2", impact: "degraded_performance" },
    ]);
    expect(map.get("messages")).toEqual([{ incidentId: "i1", ref: "INC-1", impact: "partial_outage" }]);
    expect(map.get("console")).toBeUndefined();
  });
});
