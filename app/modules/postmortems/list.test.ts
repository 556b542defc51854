import { describe, expect, it } from "vitest";
import { PostmortemFiltersSchema, quarterOf, quarterRange } from "./list.ts";

describe("post-mortem list filters", () => {
  it("names the quarter an incident started in, in UTC", () => {
    expect(quarterOf(new Date("2026-11-05T14:52:00Z"))).toBe("2026-Q4");
    expect(quarterOf(new Date("2026-03-31T23:59:59Z"))).toBe("2026-Q1");
    expect(quarterOf(new Date("2026-04-01T00:00:00Z"))).toBe("2026-Q2");
  });

  it("turns a quarter into the instants it spans, end exclusive", () => {
    expect(quarterRange("2026-Q4")).toEqual({ from: new Date("2026-10-01T00:00:00Z"), until: new Date("2027-01-01T00:00:00Z") });
    expect(quarterRange("2026-Q5")).toBeNull();
  });

  it("accepts empty filters (the form's 'Any') and refuses made-up values", () => {
    expect(PostmortemFiltersSchema.parse({ severity: "", quarter: "", state: "", component: "" })).toEqual({
      severity: "",
      quarter: "",
      state: "",
      component: "",
    });
    expect(PostmortemFiltersSchema.safeParse({ quarter: "Q4-2026" }).success).toBe(false);
    expect(PostmortemFiltersSchema.safeParse({ state: "lost" }).success).toBe(false);
    expect(PostmortemFiltersSchema.parse({ severity: "SEV1", state: "in_review" })).toEqual({ severity: "SEV1", state: "in_review" });
  });
});
