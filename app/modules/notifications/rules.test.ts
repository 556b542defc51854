import { describe, expect, it } from "vitest";
import { mayPublishUpdate } from "~/modules/updates/publish-permission.ts";
import { approvers, dueInWords, MarkReadSchema, notificationWords, othersThan, promiseNeedsReminder, type Person } from "./rules.ts";

const people: Person[] = [
  { id: "admin", role: "admin", disabled: false },
  { id: "responder", role: "responder", disabled: false },
  { id: "comms", role: "comms", disabled: false },
  { id: "comms2", role: "comms", disabled: false },
  { id: "viewer", role: "viewer", disabled: false },
  { id: "gone", role: "comms", disabled: true },
];

describe("who is asked to approve", () => {
  it("an update: everyone active who may approve, except its writers and whoever asked", () => {
    expect(approvers(people, "update:approve", ["comms", "responder"], "comms")).toEqual(["admin", "comms2"]);
  });
  it("a post-mortem: only those who may approve post-mortems", () => {
    expect(approvers(people, "postmortem:approve", ["responder"], "responder")).toEqual(["admin"]);
  });
  it("nobody disabled, nobody who may only read", () => {
    const asked = approvers(people, "update:approve", [], "x");
    expect(asked).not.toContain("gone");
    expect(asked).not.toContain("viewer");
  });
});

describe("who is told of an answer", () => {
  it("the author, never the one who answered, nobody twice", () => {
    expect(othersThan("a", ["b", "a", "b", null])).toEqual(["b"]);
    expect(othersThan("a", ["a"])).toEqual([]);
  });
});

describe("a promised update about to be missed", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  it("reminds within five minutes of the promise, and once the promise has passed", () => {
    expect(promiseNeedsReminder({ nextUpdateDueAt: at(6), nextUpdateRemindedFor: null }, now)).toBe(false);
    expect(promiseNeedsReminder({ nextUpdateDueAt: at(5), nextUpdateRemindedFor: null }, now)).toBe(true);
    expect(promiseNeedsReminder({ nextUpdateDueAt: at(-3), nextUpdateRemindedFor: null }, now)).toBe(true);
  });
  it("once per promise: a new promise reminds again", () => {
    expect(promiseNeedsReminder({ nextUpdateDueAt: at(2), nextUpdateRemindedFor: at(2) }, now)).toBe(false);
    expect(promiseNeedsReminder({ nextUpdateDueAt: at(2), nextUpdateRemindedFor: at(-30) }, now)).toBe(true);
    expect(promiseNeedsReminder({ nextUpdateDueAt: null, nextUpdateRemindedFor: null }, now)).toBe(false);
  });
  it("says when in words", () => {
    expect(dueInWords(at(4), now)).toBe("in 4 minutes");
    expect(dueInWords(at(1), now)).toBe("in 1 minute");
    expect(dueInWords(now, now)).toBe("now");
    expect(dueInWords(at(-2), now)).toBe("2 minutes ago");
    expect(notificationWords.promiseDue({ id: "i1", title: "API errors" }, "INC-7", at(4), now).text).toBe(
      "The next update promised on INC-7 (API errors) is due in 4 minutes.",
    );
  });
});

describe("what a notification says", () => {
  it("an approval request names who asks, the incident and the words, and links to the update", () => {
    const words = notificationWords.approvalRequested(
      { id: "u1", incidentId: "i1", body: "We are  investigating\nerrors.", status: "investigating" },
      "INC-7",
      "Dana",
    );
    expect(words).toEqual({
      text: "Dana asks for approval of an update on INC-7: “We are investigating errors.”",
      link: "/incidents/i1/comms#update-u1",
    });
  });
  it("an answer says whether it was also published", () => {
    expect(notificationWords.approvalGiven({ id: "u1", incidentId: "i1", status: "identified" }, "INC-7", "Kenji", true).text).toBe(
      "Kenji approved and published your update on INC-7.",
    );
  });
});

describe("marking read", () => {
  it("takes ids or all, not both, not neither, nothing else", () => {
    expect(MarkReadSchema.safeParse({ ids: ["a"] }).success).toBe(true);
    expect(MarkReadSchema.safeParse({ all: true }).success).toBe(true);
    expect(MarkReadSchema.safeParse({}).error?.issues[0].path).toEqual(["ids"]);
    expect(MarkReadSchema.safeParse({ ids: ["a"], all: true }).success).toBe(false);
    expect(MarkReadSchema.safeParse({ ids: [] }).error?.issues[0].path).toEqual(["ids"]);
    expect(MarkReadSchema.safeParse({ all: false }).error?.issues[0].path).toEqual(["all"]);
    expect(MarkReadSchema.safeParse({ ids: ["a"], other: 1 }).success).toBe(false);
  });
});

describe("who may publish an incident's updates", () => {
  const off = { commanderMayPublish: false };
  const on = { commanderMayPublish: true };
  it("admin and comms always; a responder never while the setting is off", () => {
    expect(mayPublishUpdate({ userId: "c", role: "comms" }, { commanderId: null }, off)).toBe(true);
    expect(mayPublishUpdate({ userId: "r", role: "responder" }, { commanderId: "r" }, off)).toBe(false);
  });
  it("with the setting on, the incident's commander, not another responder, nor a viewer commander", () => {
    expect(mayPublishUpdate({ userId: "r", role: "responder" }, { commanderId: "r" }, on)).toBe(true);
    expect(mayPublishUpdate({ userId: "r2", role: "responder" }, { commanderId: "r" }, on)).toBe(false);
    expect(mayPublishUpdate({ userId: "v", role: "viewer" }, { commanderId: "v" }, on)).toBe(false);
  });
});
