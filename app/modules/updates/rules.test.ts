import { describe, expect, it } from "vitest";
import {
  approvalHolds,
  approvalRefusal,
  needsApproval,
  nextUpdateDue,
  promiseCounts,
  promiseRecord,
  publishedEntryText,
  publicImpact,
  publicTimes,
  publishRefusal,
  stateAfterEdit,
} from "./rules.ts";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 23, 14, minute));

describe("two-person rule", () => {
  it("asks for a second person on a SEV1 only, until someone approved", () => {
    expect(needsApproval("SEV1", null)).toBe(true);
    expect(needsApproval("SEV1", "user-2")).toBe(false);
    expect(needsApproval("SEV2", null)).toBe(false);
  });

  /** written by u1 alone, unless said otherwise */
  const by = { authorId: "u1", contributorIds: ["u1"] };

  it("refuses to publish an unapproved SEV1 update, one awaiting approval, or one already out", () => {
    expect(publishRefusal({ ...by, state: "draft", approvedById: null }, "SEV1")?.message).toMatch(/second person must approve/);
    expect(publishRefusal({ ...by, state: "awaiting_approval", approvedById: null }, "SEV1")?.message).toMatch(/awaiting approval/);
    expect(publishRefusal({ ...by, state: "published", approvedById: "u2" }, "SEV2")?.code).toBe("conflict");
    expect(publishRefusal({ ...by, state: "approved", approvedById: "u2" }, "SEV1")).toBeNull();
    expect(publishRefusal({ ...by, state: "draft", approvedById: null }, "SEV3")).toBeNull();
  });

  it("does not let the author or an editor approve, whatever their role; someone who wrote none of it may", () => {
    const edited = { authorId: "u1", contributorIds: ["u1", "u2"], state: "awaiting_approval" as const, approvedById: null };
    expect(approvalRefusal(edited, "u1")?.code).toBe("forbidden");
    expect(approvalRefusal(edited, "u1")?.message).toMatch(/^The author of an update cannot approve it/);
    expect(approvalRefusal(edited, "u2")?.code).toBe("forbidden");
    expect(approvalRefusal(edited, "u2")?.message).toBe("You edited this update's text; someone who did not must approve it.");
    expect(approvalRefusal({ ...edited, status: "postmortem" }, "u2")?.message).toBe(
      "You edited this root-cause report's text; someone who did not must approve it.",
    );
    expect(approvalRefusal(edited, "u3")).toBeNull();
    expect(approvalRefusal({ ...edited, state: "approved", approvedById: "u3" }, "u4")?.code).toBe("conflict");
  });

  it("does not count an approval given by someone who wrote part of the text: no publishing on it, another person may approve", () => {
    const approvedByEditor = { authorId: "u1", contributorIds: ["u1", "u2"], state: "approved" as const, approvedById: "u2" };
    expect(approvalHolds(approvedByEditor)).toBe(false);
    expect(publishRefusal(approvedByEditor, "SEV1")).toEqual({
      code: "forbidden",
      message: expect.stringMatching(/^Whoever approved this update also wrote part of it/),
    });
    expect(publishRefusal({ ...approvedByEditor, status: "postmortem" }, "SEV3")?.code).toBe("forbidden");
    expect(approvalRefusal(approvedByEditor, "u3")).toBeNull();
    // Where no approval is needed, a stray one changes nothing.
    expect(publishRefusal(approvedByEditor, "SEV3")).toBeNull();
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

describe("the timeline entry a publish writes", () => {
  it("says 'an identified update', with the article the status's sound takes", () => {
    expect(publishedEntryText("identified", "We found it.", [])).toBe("Published an identified update to the status page: “We found it.”");
    expect(publishedEntryText("investigating", "Looking.", [])).toMatch(/^Published an investigating update/);
    expect(publishedEntryText("monitoring", "Watching.", [])).toMatch(/^Published a monitoring update/);
    expect(publishedEntryText("resolved", "Done.", [])).toMatch(/^Published a resolved update/);
    expect(publishedEntryText("postmortem", "Why.", [])).toMatch(/^Published a root-cause report/);
  });

  it("shortens a long body and lists the components it moved", () => {
    const text = publishedEntryText("identified", "x".repeat(400), ["API: Operational → Partial outage"]);
    expect(text.split("\n")[0]).toHaveLength("Published an identified update to the status page: “”".length + 278);
    expect(text.split("\n")[1]).toBe("API: Operational → Partial outage");
  });
});

describe("what a publish does to the incident's public face", () => {
  it("promises the next update after the given minutes, but not from a resolving update or a root-cause report", () => {
    expect(nextUpdateDue({ status: "identified", nextUpdateInMinutes: 30 }, t(0))).toEqual(t(30));
    expect(nextUpdateDue({ status: "monitoring", nextUpdateInMinutes: 15 }, t(10))).toEqual(t(25));
    expect(nextUpdateDue({ status: "identified", nextUpdateInMinutes: null }, t(0))).toBeNull();
    expect(nextUpdateDue({ status: "resolved", nextUpdateInMinutes: 30 }, t(0))).toBeNull();
    expect(nextUpdateDue({ status: "postmortem", nextUpdateInMinutes: 30 }, t(0))).toBeNull();
  });

  it("takes the impact from the components' claimed statuses, else from the severity", () => {
    expect(publicImpact([], "SEV1")).toBe("critical");
    expect(publicImpact([], "SEV2")).toBe("major");
    expect(publicImpact([], "SEV3")).toBe("minor");
    expect(publicImpact([], "SEV4")).toBe("none");
    expect(publicImpact(["degraded_performance"], "SEV1")).toBe("minor");
    expect(publicImpact(["degraded_performance", "major_outage"], "SEV4")).toBe("critical");
  });

  it("stamps monitoring once, and keeps it", () => {
    const never = { publicMonitoringAt: null, publicResolvedAt: null };
    expect(publicTimes("monitoring", never, t(5)).publicMonitoringAt).toEqual(t(5));
    expect(publicTimes("monitoring", { ...never, publicMonitoringAt: t(1) }, t(5)).publicMonitoringAt).toEqual(t(1));
    expect(publicTimes("identified", { ...never, publicMonitoringAt: t(1) }, t(5)).publicMonitoringAt).toEqual(t(1));
    expect(publicTimes("identified", never, t(5)).publicMonitoringAt).toBeNull();
  });

  it("stamps resolved on resolving, keeps it for the root-cause report, clears it on any other update", () => {
    const resolved = { publicMonitoringAt: null, publicResolvedAt: t(3) };
    expect(publicTimes("resolved", resolved, t(9)).publicResolvedAt).toEqual(t(9));
    expect(publicTimes("postmortem", resolved, t(9)).publicResolvedAt).toEqual(t(3));
    expect(publicTimes("investigating", resolved, t(9)).publicResolvedAt).toBeNull();
  });
});
