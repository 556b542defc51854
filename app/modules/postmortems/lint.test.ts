import { describe, expect, it } from "vitest";
import { markdownToDoc } from "./document.ts";
import { lintErrors, lintPostmortem, type LintInput, type LintProblem } from "./lint.ts";

const t = (minute: number) => new Date(Date.UTC(2026, 2, 14, 10, minute));

/** A post-mortem that passes every rule; each test breaks one thing. */
function complete(): LintInput {
  return {
    sections: {
      summary: markdownToDoc(
        "A config push overloaded model routing; chat and the API failed for 45 minutes until the push was rolled back.",
      ),
      impact: markdownToDoc("- [Lasted 45m](/incidents/INC-7#field-duration)\n\nAbout 38% of API requests failed."),
      root_cause: markdownToDoc("The router accepted a config with no upper bound on fan-out."),
    },
    actionItems: [{ id: "a1", title: "Bound router fan-out", ownerId: "u1", dueAt: t(0), state: "open" }],
    milestones: { startedAt: t(0), detectedAt: t(5), acknowledgedAt: t(7), mitigatedAt: t(30), resolvedAt: t(45) },
    people: ["Dana Whitfield", "Kenji Tanaka"],
  };
}

const rules = (problems: LintProblem[]) => problems.map((p) => p.rule);

describe("lintPostmortem", () => {
  it("finds nothing in a complete, blameless post-mortem", () => {
    expect(lintPostmortem(complete())).toEqual([]);
  });

  it("summary-empty: an empty summary, or one with only generated (linked) sentences, is an error", () => {
    const input = complete();
    input.sections.summary = markdownToDoc("[SEV1, 45 minutes](/incidents/INC-7#field-duration)");
    const [problem] = lintPostmortem(input);
    expect(problem).toMatchObject({ rule: "summary-empty", severity: "error", section: "summary" });
    input.sections.summary = undefined;
    expect(rules(lintPostmortem(input))).toEqual(["summary-empty"]);
  });

  it("summary-empty: the incident's summary carried over without a source link counts as written", () => {
    const input = complete();
    input.sections.summary = markdownToDoc("### Summary\n\nRouting failed after a config push.");
    expect(lintPostmortem(input)).toEqual([]);
  });

  it("root-cause-empty: only headings and linked hypotheses is an error; one written sentence passes", () => {
    const input = complete();
    input.sections.root_cause = markdownToDoc("### Hypotheses\n\n- [Router config push](/incidents/INC-7#entry-12)");
    expect(lintPostmortem(input)).toEqual([
      expect.objectContaining({ rule: "root-cause-empty", severity: "error", section: "root_cause" }),
    ]);
    input.sections.root_cause = markdownToDoc(
      "### Hypotheses\n\n- [Router config push](/incidents/INC-7#entry-12)\n\nThe push was the trigger.",
    );
    expect(lintPostmortem(input)).toEqual([]);
  });

  it("impact-number: an impact without any number is an error", () => {
    const input = complete();
    input.sections.impact = markdownToDoc("Many customers could not chat.");
    expect(lintPostmortem(input)).toEqual([expect.objectContaining({ rule: "impact-number", severity: "error", section: "impact" })]);
    input.sections.impact = markdownToDoc("Many customers could not chat for 3 hours.");
    expect(lintPostmortem(input)).toEqual([]);
  });

  it("action-item-owner and action-item-due: one error per unfinished item lacking it", () => {
    const input = complete();
    input.actionItems = [
      { id: "a1", title: "Bound router fan-out", ownerId: null, dueAt: null, state: "open" },
      { id: "a2", title: "Canary config pushes", ownerId: "u2", dueAt: null, state: "in_progress" },
      { id: "a3", title: "Old idea", ownerId: null, dueAt: null, state: "wont_do" },
      { id: "a4", title: "Done already", ownerId: null, dueAt: null, state: "done" },
    ];
    const problems = lintPostmortem(input);
    expect(problems.map((p) => [p.rule, p.actionItemId])).toEqual([
      ["action-item-owner", "a1"],
      ["action-item-due", "a1"],
      ["action-item-due", "a2"],
    ]);
    expect(problems[0]).toMatchObject({ severity: "error", section: "action_items" });
    expect(problems[0].message).toContain("“Bound router fan-out” has no owner");
    expect(problems[2].message).toContain("“Canary config pushes” has no due date");
  });

  it("no-action-items: a warning, not an error", () => {
    const input = complete();
    input.actionItems = [];
    const problems = lintPostmortem(input);
    expect(problems).toEqual([expect.objectContaining({ rule: "no-action-items", severity: "warning", section: "action_items" })]);
    expect(lintErrors(problems)).toEqual([]);
  });

  it("milestones-order: each milestone before the one it must follow is an error quoting both times", () => {
    const input = complete();
    input.milestones = { startedAt: t(10), detectedAt: t(5), acknowledgedAt: t(4), mitigatedAt: t(3), resolvedAt: t(2) };
    const messages = lintPostmortem(input).map(
      (p) => (expect(p).toMatchObject({ rule: "milestones-order", section: "milestones", severity: "error" }), p.message),
    );
    expect(messages).toEqual([
      expect.stringMatching(/^Detected \(2026-03-14 10:05 UTC\) is before started \(2026-03-14 10:10 UTC\)/),
      expect.stringMatching(/^Acknowledged \(2026-03-14 10:04 UTC\) is before detected \(2026-03-14 10:05 UTC\)/),
      expect.stringMatching(/^Mitigated \(2026-03-14 10:03 UTC\) is before detected/),
      expect.stringMatching(/^Resolved \(2026-03-14 10:02 UTC\) is before mitigated \(2026-03-14 10:03 UTC\)/),
      expect.stringMatching(/^Resolved \(2026-03-14 10:02 UTC\) is before started/),
    ]);
  });

  it("milestones-order: missing milestones and equal times pass; ISO strings work", () => {
    const input = complete();
    input.milestones = {
      startedAt: t(0).toISOString(),
      detectedAt: t(0).toISOString(),
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: t(1).toISOString(),
    };
    expect(lintPostmortem(input)).toEqual([]);
  });

  it("blameful-wording: quotes the words from the list and suggests a blameless rewrite", () => {
    const input = complete();
    input.sections.lessons = markdownToDoc(
      "The on-call engineer should have checked the graph. It was human error, and the alert Failed  to fire.",
    );
    const problems = lintPostmortem(input);
    expect(problems.every((p) => p.rule === "blameful-wording" && p.severity === "warning" && p.section === "lessons")).toBe(true);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^“should have” reads as blame\. A blameless post-mortem would say what the system or process allowed/),
      expect.stringMatching(/^“human error” reads as blame\. .*missing check/),
      expect.stringMatching(/^“Failed to” reads as blame\. .*did not fire because/),
    ]);
  });

  it("blameful-wording: a person's name as the subject of a failure, full or first name", () => {
    const input = complete();
    input.sections.root_cause = markdownToDoc(
      "The router accepted any fan-out. Dana accidentally deleted the index; Kenji Tanaka missed the alert. It was Dana's mistake.",
    );
    const quoted = lintPostmortem(input).map((p) => /^“([^”]+)”/.exec(p.message)![1]);
    expect(quoted).toEqual(["Dana accidentally deleted", "Kenji Tanaka missed", "Dana's mistake"]);
    expect(lintPostmortem(input)[0].message).toContain("names the system or decision instead");
  });

  it("blameful-wording: blameless words, other people's names and names as objects pass", () => {
    const input = complete();
    input.sections.lessons = markdownToDoc(
      "A blameless review. Kenji paged Dana, who rolled back. The blameworthy part is the tool. Danaher broke nothing.",
    );
    expect(lintPostmortem(input)).toEqual([]);
  });
});

// Decision 0042: a section keeps its generated part apart from what people wrote.
describe("lintPostmortem on sections in two parts", () => {
  const generatedSummary = markdownToDoc(
    "Checkout failed for card payments. ([incident summary](/incidents/INC-7#field-summary))\n\nA SEV2 incident of 45 minutes.",
  );
  const hypotheses = markdownToDoc(
    "### Hypotheses recorded during the incident\n- The payment pool is exhausted. ([10:02 UTC](/incidents/INC-7#entry-4))",
  );

  it("a section with only generated text is not written, however much it says", () => {
    const input = complete();
    input.sections.summary = { generated: generatedSummary, written: markdownToDoc("") };
    input.sections.root_cause = { generated: hypotheses, written: markdownToDoc("") };
    expect(rules(lintPostmortem(input))).toEqual(["summary-empty", "root-cause-empty"]);
  });

  it("counts what people typed in the writing area, links of their own included", () => {
    const input = complete();
    input.sections.summary = {
      generated: generatedSummary,
      written: markdownToDoc("The pool ran out; see [the alert](/incidents/INC-7#entry-2)."),
    };
    input.sections.root_cause = { generated: hypotheses, written: markdownToDoc("The pool size was fixed at deploy time.") };
    expect(lintPostmortem(input)).toEqual([]);
  });

  it("a heading alone in the writing area is not written", () => {
    const input = complete();
    input.sections.root_cause = { generated: hypotheses, written: markdownToDoc("### Root cause") };
    expect(rules(lintPostmortem(input))).toEqual(["root-cause-empty"]);
  });

  it("reads numbers and blameful wording in both parts", () => {
    const input = complete();
    input.sections.impact = {
      generated: markdownToDoc("- Lasted 45m ([start](/incidents/INC-7#field-startedAt))"),
      written: markdownToDoc(""),
    };
    expect(lintPostmortem(input)).toEqual([]);
    input.sections.impact = { generated: markdownToDoc("- No impact recorded"), written: markdownToDoc("Dana broke the router.") };
    expect(rules(lintPostmortem(input))).toEqual(["impact-number", "blameful-wording"]);
  });

  it("a section stored before the parts were kept apart still tells generated sentences by their links", () => {
    const input = complete();
    input.sections.root_cause = { generated: null, written: hypotheses };
    expect(rules(lintPostmortem(input))).toEqual(["root-cause-empty"]);
  });
});
