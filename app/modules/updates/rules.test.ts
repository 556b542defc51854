import { describe, expect, it } from "vitest";
import { approvalRefusal, needsApproval, promiseCounts, promiseRecord, publishRefusal, stateAfterEdit } from "./rules.ts";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 23, 14, minute));

describe("two-person rule", () => {
  it("asks for a second person on a SEV1 only, until someone approved", () => {
    expect(needsApproval("SEV1", null)).toBe(true);
    expect(needsApproval("SEV1", "user-2")).toBe(false);
    expect(needsApproval("SEV2", null)).toBe(false);
  });

  it("refuses to publish an unapproved SEV1 update, one awaiting approval, or one already out", () => {
    expect(publishRefusal({ state: "draft", approvedById: null }, "SEV1")?.message).toMatch(/second person must approve/);
    expect(publishRefusal({ state: "awaiting_approval", approvedById: null }, "SEV1")?.message).toMatch(/awaiting approval/);
    expect(publishRefusal({ state: "published", approvedById: "u2" }, "SEV2")?.code).toBe("conflict");
    expect(publishRefusal({ state: "approved", approvedById: "u2" }, "SEV1")).toBeNull();
    expect(publishRefusal({ state: "draft", approvedById: null }, "SEV3")).toBeNull();
  });

  it("does not let the author approve their own update", () => {
    expect(approvalRefusal({ state: "awaiting_approval", authorId: "u1" }, "u1")?.code).toBe("forbidden");
    expect(approvalRefusal({ state: "awaiting_approval", authorId: "u1" }, "u2")).toBeNull();
  });

  it("withdraws an approval when the approved text changes", () => {
    expect(stateAfterEdit("approved")).toBe("awaiting_approval");
    expect(stateAfterEdit("draft")).toBe("draft");
  });
});

describe("promised next updates", () => {
  it("counts a promise kept when the next update came in time, missed when it came late or not at all", () => {
    const published = [
      { id: "a", publishedAt: t(0), nextUpdateAt: t(30), status: "investigating" },
      { id: "b", publishedAt: t(25), nextUpdateAt: t(55), status: "identified" },
      { id: "c", publishedAt: t(70), nextUpdateAt: t(100), status: "monitoring" },
    ];
    const record = promiseRecord(published, t(90));
    expect(record.map((r) => [r.updateId, r.outcome])).toEqual([
      ["a", "kept"],
      ["b", "missed"],
      ["c", "pending"],
    ]);
    expect(promiseCounts(promiseRecord(published, t(101)))).toEqual({ kept: 1, missed: 2, pending: 0 });
  });

  it("ends promises with the resolving update", () => {
    const published = [
      { id: "a", publishedAt: t(0), nextUpdateAt: t(30), status: "investigating" },
      { id: "b", publishedAt: t(20), nextUpdateAt: t(50), status: "resolved" },
    ];
    expect(promiseCounts(promiseRecord(published, t(200)))).toEqual({ kept: 1, missed: 0, pending: 0 });
  });
});
