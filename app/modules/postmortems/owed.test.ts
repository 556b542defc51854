import { describe, expect, it } from "vitest";
import {
  DEFAULT_POSTMORTEM_DUE_DAYS,
  dueDaysFromForm,
  owedText,
  PostmortemDueDaysSchema,
  postmortemsOwed,
  type OwedCandidate,
} from "./owed.ts";

const DAY = 24 * 60 * 60_000;
const now = new Date(Date.UTC(2026, 11, 5, 12, 0));
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

const candidate = (over: Partial<OwedCandidate>): OwedCandidate => ({
  incidentId: "i1",
  ref: "INC-1",
  title: "Checkout down",
  severity: "SEV1",
  resolvedAt: daysAgo(1),
  postmortem: null,
  ...over,
});

describe("post-mortems owed", () => {
  it("owes a post-mortem for a resolved SEV1 or SEV2 without a published one, due N days after resolution", () => {
    const owed = postmortemsOwed(
      [
        candidate({ incidentId: "a", severity: "SEV1", resolvedAt: daysAgo(2) }),
        candidate({ incidentId: "b", severity: "SEV2", resolvedAt: daysAgo(12), postmortem: { id: "p", state: "in_review" } }),
        candidate({ incidentId: "c", severity: "SEV3", resolvedAt: daysAgo(30) }),
        candidate({ incidentId: "d", severity: "SEV1", resolvedAt: daysAgo(30), postmortem: { id: "q", state: "published" } }),
      ],
      DEFAULT_POSTMORTEM_DUE_DAYS,
      now,
    );
    expect(owed.map((o) => [o.incidentId, o.overdue, o.days, o.dueAt.toISOString()])).toEqual([
      ["b", true, 2, daysAgo(2).toISOString()],
      ["a", false, 3, new Date(daysAgo(2).getTime() + 5 * DAY).toISOString()],
    ]);
  });

  it("counts whole days, rounded up: due in 5 days just after a SEV1 is resolved, in 1 day for the last hours", () => {
    const [fresh] = postmortemsOwed([candidate({ resolvedAt: new Date(now.getTime() - 60_000) })], DEFAULT_POSTMORTEM_DUE_DAYS, now);
    expect(owedText(fresh)).toBe("Due in 5 days");
    const [late] = postmortemsOwed(
      [candidate({ resolvedAt: new Date(now.getTime() - 5 * DAY + 3_600_000) })],
      DEFAULT_POSTMORTEM_DUE_DAYS,
      now,
    );
    expect(owedText(late)).toBe("Due in 1 day");
  });

  it("counts days overdue in whole days passed, at least one", () => {
    const [justLate] = postmortemsOwed(
      [candidate({ resolvedAt: new Date(now.getTime() - 5 * DAY - 60_000) })],
      DEFAULT_POSTMORTEM_DUE_DAYS,
      now,
    );
    const [dayLate] = postmortemsOwed(
      [candidate({ resolvedAt: new Date(now.getTime() - 7 * DAY + 60_000) })],
      DEFAULT_POSTMORTEM_DUE_DAYS,
      now,
    );
    expect([owedText(justLate), owedText(dayLate)]).toEqual(["Overdue by 1 day", "Overdue by 1 day"]);
  });

  it("becomes overdue the moment the days have passed, and lists the most overdue first", () => {
    const justDue = candidate({ incidentId: "due", resolvedAt: daysAgo(5) });
    const later = candidate({ incidentId: "later", resolvedAt: new Date(daysAgo(5).getTime() - 1) });
    const [first, second] = postmortemsOwed([justDue, later], DEFAULT_POSTMORTEM_DUE_DAYS, now);
    expect([first.incidentId, first.overdue, first.days]).toEqual(["later", true, 1]);
    expect([second.incidentId, second.overdue, second.days]).toEqual(["due", false, 0]);
  });

  it("follows the setting: a severity without days owes nothing, one with days owes", () => {
    const rules = { SEV1: null, SEV2: 10, SEV3: 3, SEV4: null };
    const owed = postmortemsOwed(
      [candidate({ incidentId: "s1" }), candidate({ incidentId: "s3", severity: "SEV3", resolvedAt: daysAgo(4) })],
      rules,
      now,
    );
    expect(owed.map((o) => [o.incidentId, o.overdue])).toEqual([["s3", true]]);
  });

  it("says when in words", () => {
    const [overdue, due, today] = [
      { overdue: true, days: 3 },
      { overdue: false, days: 1 },
      { overdue: false, days: 0 },
    ];
    expect(owedText(overdue)).toBe("Overdue by 3 days");
    expect(owedText(due)).toBe("Due in 1 day");
    expect(owedText(today)).toBe("Due now");
  });

  it("takes whole days from 1 to 365 per severity, or none, and names the field it refuses", () => {
    expect(PostmortemDueDaysSchema.parse({ SEV1: 5, SEV2: 10, SEV3: null, SEV4: null })).toEqual({
      SEV1: 5,
      SEV2: 10,
      SEV3: null,
      SEV4: null,
    });
    const refused = PostmortemDueDaysSchema.safeParse({ SEV1: 0, SEV2: 2.5, SEV3: "x", SEV4: 400 });
    expect(refused.error!.issues.map((i) => i.path.join("."))).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    expect(PostmortemDueDaysSchema.safeParse({ SEV1: 5, SEV2: 10, SEV3: null }).success).toBe(false);
  });

  it("reads the settings form: an empty field is none, text is refused by the schema, not taken as 0", () => {
    const form = new FormData();
    for (const [k, v] of [
      ["SEV1", " 7 "],
      ["SEV2", ""],
      ["SEV3", "soon"],
      ["SEV4", ""],
    ])
      form.append(k, v);
    const shaped = dueDaysFromForm(form);
    expect(shaped).toMatchObject({ SEV1: 7, SEV2: null, SEV4: null });
    expect(PostmortemDueDaysSchema.safeParse(shaped).error!.issues.map((i) => i.path.join("."))).toEqual(["SEV3"]);
  });
});
