import { describe, expect, it } from "vitest";
import { closedAtAfter, compareActionItems, describeDue, dueInstant, isOverdue } from "./rules.ts";
import { ActionItemPatchSchema, actionItemFromForm, NewActionItemSchema } from "./schemas.ts";

const now = new Date("2026-03-14T12:00:00Z");

describe("closing and reopening", () => {
  it("stamps closedAt on closing, keeps it between closed states, clears it on reopening", () => {
    const earlier = new Date("2026-03-01T00:00:00Z");
    expect(closedAtAfter({ state: "open", closedAt: null }, "done", now)).toEqual(now);
    expect(closedAtAfter({ state: "in_progress", closedAt: null }, "wont_do", now)).toEqual(now);
    expect(closedAtAfter({ state: "done", closedAt: earlier }, "wont_do", now)).toEqual(earlier);
    expect(closedAtAfter({ state: "done", closedAt: earlier }, "open", now)).toBeNull();
    expect(closedAtAfter({ state: "open", closedAt: null }, "in_progress", now)).toBeNull();
  });
});

describe("due dates", () => {
  it("reads a day as due by its end in UTC", () => {
    expect(dueInstant("2026-03-14").toISOString()).toBe("2026-03-14T23:59:59.999Z");
    expect(dueInstant("2026-03-14T09:00:00Z").toISOString()).toBe("2026-03-14T09:00:00.000Z");
    expect(isOverdue({ state: "open", dueAt: dueInstant("2026-03-14") }, now)).toBe(false);
    expect(isOverdue({ state: "open", dueAt: dueInstant("2026-03-13") }, now)).toBe(true);
  });

  it("says overdue in words, in calendar days, and never for a closed item", () => {
    expect(describeDue({ state: "open", dueAt: dueInstant("2026-03-11") }, now)).toEqual({
      overdue: true,
      relative: "Overdue by 3 days",
      absolute: "11 Mar 2026",
    });
    expect(describeDue({ state: "open", dueAt: dueInstant("2026-03-13") }, now).relative).toBe("Overdue by 1 day");
    expect(describeDue({ state: "open", dueAt: "2026-03-14T09:00:00Z" }, now).relative).toBe("Overdue since earlier today");
    expect(describeDue({ state: "open", dueAt: dueInstant("2026-03-14") }, now)).toMatchObject({ overdue: false, relative: "Due today" });
    expect(describeDue({ state: "open", dueAt: dueInstant("2026-03-15") }, now).relative).toBe("Due tomorrow");
    expect(describeDue({ state: "in_progress", dueAt: dueInstant("2026-03-21") }, now)).toEqual({
      overdue: false,
      relative: "Due in 7 days",
      absolute: "21 Mar 2026",
    });
    expect(describeDue({ state: "done", dueAt: "2026-03-11T12:00:00Z" }, now)).toEqual({
      overdue: false,
      relative: "Was due 11 Mar 2026",
      absolute: "11 Mar 2026",
    });
    expect(describeDue({ state: "open", dueAt: null }, now).relative).toBe("No due date");
  });
});

describe("the order of the list", () => {
  it("puts the most overdue first, then later dates, then high priority on the same day, undated last", () => {
    const d = (day: number) => new Date(Date.UTC(2026, 2, day, 23, 59));
    const items = [
      { id: "e", dueAt: null, priority: "high" as const },
      { id: "d", dueAt: d(20), priority: "low" as const },
      { id: "c", dueAt: d(20), priority: "high" as const },
      { id: "b", dueAt: d(12), priority: "low" as const },
      { id: "a", dueAt: d(10), priority: "medium" as const },
    ];
    expect([...items].sort(compareActionItems).map((i) => i.id)).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("input", () => {
  it("refuses each bad field with its reason", () => {
    const result = NewActionItemSchema.safeParse({
      title: " ",
      kind: "fix",
      priority: "urgent",
      dueAt: "next week",
      trackerUrl: "javascript:alert(1)",
      ownerEmail: "nobody",
    });
    const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({
      title: "must not be empty",
      kind: "must be one of mitigate, prevent, process",
      priority: "must be one of high, medium, low",
      dueAt: "must be a date (YYYY-MM-DD) or an ISO-8601 time",
      trackerUrl: expect.stringMatching(/^must be an http\(s\) link/),
      ownerEmail: "must be an email address",
    });
  });

  it("takes a day or a time, an http(s) tracker link, one way to name the owner", () => {
    const ok = NewActionItemSchema.parse({
      title: "Bound fan-out",
      kind: "prevent",
      dueAt: "2026-04-01",
      trackerUrl: "https://tracker.example/NW-12",
    });
    expect(ok).toMatchObject({ priority: "medium", dueAt: new Date("2026-04-01T23:59:59.999Z") });
    expect(
      NewActionItemSchema.safeParse({ title: "x", kind: "process", ownerId: "u1", ownerEmail: "a@b.example" }).error?.issues[0].path,
    ).toEqual(["ownerEmail"]);
    expect(NewActionItemSchema.safeParse({ title: "x", kind: "process", trackerUrl: "ftp://files.example/x" }).success).toBe(false);
  });

  it("edits: null clears, an empty patch is refused, an edit form's empty fields clear", () => {
    expect(ActionItemPatchSchema.parse({ dueAt: null, ownerId: null })).toEqual({ dueAt: null, ownerId: null });
    expect(ActionItemPatchSchema.safeParse({}).error?.issues[0].message).toBe("send at least one field to change");
    const form = new FormData();
    form.set("title", "Bound fan-out");
    form.set("dueAt", "");
    form.set("ownerId", "");
    form.set("priority", "");
    expect(actionItemFromForm(form, "edit")).toEqual({ title: "Bound fan-out", dueAt: null, ownerId: null });
    expect(actionItemFromForm(form, "new")).toEqual({ title: "Bound fan-out" });
  });
});
