import { describe, expect, it } from "vitest";
import { resolvedAgainRefusal, standingResolution } from "./resolution.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute));

describe("a published resolution", () => {
  it("stands after a Resolved update or a root-cause report, until the incident is reopened", () => {
    expect(standingResolution({ publicStatus: "resolved", publicResolvedAt: at(10), reopenedAt: [] })).toEqual(at(10));
    expect(standingResolution({ publicStatus: "postmortem", publicResolvedAt: at(10), reopenedAt: [at(5)] })).toEqual(at(10));
    expect(standingResolution({ publicStatus: "resolved", publicResolvedAt: at(10), reopenedAt: [at(20)] })).toBeNull();
  });

  it("does not stand while the public page shows the incident open, or before anything was published", () => {
    expect(standingResolution({ publicStatus: "monitoring", publicResolvedAt: null, reopenedAt: [] })).toBeNull();
    expect(standingResolution({ publicStatus: null, publicResolvedAt: null, reopenedAt: [] })).toBeNull();
  });

  it("refuses only Resolved while it stands", () => {
    expect(resolvedAgainRefusal("resolved", at(10))?.fields.status).toMatch(/already published as resolved/);
    expect(resolvedAgainRefusal("monitoring", at(10))).toBeNull();
    expect(resolvedAgainRefusal("postmortem", at(10))).toBeNull();
    expect(resolvedAgainRefusal("resolved", null)).toBeNull();
  });
});
