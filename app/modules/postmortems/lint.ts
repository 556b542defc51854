// What a post-mortem must contain before it goes to review, and wording to reconsider.
// Pure: the caller loads the sections, action items, milestones and people
// (lint.server.ts). The rules, the word list and why are in docs/postmortem-lint.md.
import type { ActionItemStateName, SectionKey } from "./sections.ts";
import { docText, type PmDoc } from "./document.ts";
import { peopleWrote, readingDoc, type SectionParts } from "./parts.ts";

export type LintRule =
  | "summary-empty"
  | "root-cause-empty"
  | "action-item-owner"
  | "action-item-due"
  | "milestones-order"
  | "impact-number"
  | "blameful-wording"
  | "no-action-items";

export type LintProblem = {
  rule: LintRule;
  severity: "error" | "warning";
  section: SectionKey | "action_items" | "milestones";
  message: string;
  actionItemId?: string;
};

type Instant = Date | string;

export type LintInput = {
  /**
   * Each section in its two parts (decision 0042); a bare document is a section stored before
   * them, read as `{ generated: null, written: doc }`.
   */
  sections: Partial<Record<SectionKey, PmDoc | SectionParts>>;
  actionItems: { id: string; title: string; ownerId: string | null; dueAt: Instant | null; state: ActionItemStateName }[];
  milestones: {
    startedAt: Instant;
    detectedAt: Instant;
    acknowledgedAt?: Instant | null;
    mitigatedAt?: Instant | null;
    resolvedAt?: Instant | null;
  };
  /** names of the people who could be blamed by name (the organisation's users) */
  people: string[];
};

const EMPTY: PmDoc = { type: "doc", content: [] };

/** The items still to be done; done and won't-do items need no owner or date any more. */
export const isUnfinished = (state: ActionItemStateName) => state === "open" || state === "in_progress";

type Sections = Partial<Record<SectionKey, SectionParts>>;

const asParts = (section: PmDoc | SectionParts | undefined): SectionParts | undefined =>
  !section ? undefined : "type" in section ? { generated: null, written: section } : section;

export function lintPostmortem(input: LintInput): LintProblem[] {
  const sections: Sections = Object.fromEntries(Object.entries(input.sections).map(([key, section]) => [key, asParts(section)]));
  return [
    ...requiredSections(sections),
    ...milestonesOrder(input.milestones),
    ...actionItemProblems(input.actionItems),
    ...blamefulWording(sections, input.people),
  ];
}

export const lintErrors = (problems: LintProblem[]) => problems.filter((p) => p.severity === "error");

function requiredSections(sections: Sections): LintProblem[] {
  const problems: LintProblem[] = [];
  // Only what people wrote counts: the generated part, however long, says what the data says.
  if (!peopleWrote(sections.summary)) {
    problems.push({
      rule: "summary-empty",
      severity: "error",
      section: "summary",
      message:
        "The summary has nothing written in it yet; the generated part does not count. Write two to four sentences a director can read alone: what broke, for whom, for how long, and what fixed it.",
    });
  }
  if (!/\d/.test(docText(sections.impact ? readingDoc(sections.impact) : EMPTY))) {
    problems.push({
      rule: "impact-number",
      severity: "error",
      section: "impact",
      message:
        "The impact has no numbers. Say how long it lasted and how many were affected: share of requests failed, customers or users affected, support tickets.",
    });
  }
  if (!peopleWrote(sections.root_cause)) {
    problems.push({
      rule: "root-cause-empty",
      severity: "error",
      section: "root_cause",
      message:
        "The root cause has nothing written in it yet. Say what made the failure possible and what set it off; the hypotheses recorded during the incident alone do not count.",
    });
  }
  return problems;
}

const MILESTONE_WORDS = {
  startedAt: "started",
  detectedAt: "detected",
  acknowledgedAt: "acknowledged",
  mitigatedAt: "mitigated",
  resolvedAt: "resolved",
} as const;
type Milestone = keyof typeof MILESTONE_WORDS;

/** [later, earlier]: the first may not come before the second. */
const ORDER: [Milestone, Milestone][] = [
  ["detectedAt", "startedAt"],
  ["acknowledgedAt", "detectedAt"],
  ["mitigatedAt", "detectedAt"],
  ["resolvedAt", "mitigatedAt"],
  ["resolvedAt", "startedAt"],
];

function utc(value: Date): string {
  return `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);

function milestonesOrder(milestones: LintInput["milestones"]): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const [later, earlier] of ORDER) {
    const a = milestones[later];
    const b = milestones[earlier];
    if (!a || !b) continue;
    const at = new Date(a);
    const before = new Date(b);
    if (at.getTime() >= before.getTime()) continue;
    problems.push({
      rule: "milestones-order",
      severity: "error",
      section: "milestones",
      message: `${capitalised(MILESTONE_WORDS[later])} (${utc(at)}) is before ${MILESTONE_WORDS[earlier]} (${utc(before)}). Correct the incident's milestones so the times and durations add up.`,
    });
  }
  return problems;
}

function actionItemProblems(items: LintInput["actionItems"]): LintProblem[] {
  if (items.length === 0) {
    return [
      {
        rule: "no-action-items",
        severity: "warning",
        section: "action_items",
        message:
          "There are no action items. Most incidents leave something to mitigate, prevent or change in the process; add them, or say in the lessons why none are needed.",
      },
    ];
  }
  const problems: LintProblem[] = [];
  for (const item of items) {
    if (!isUnfinished(item.state)) continue;
    if (!item.ownerId) {
      problems.push({
        rule: "action-item-owner",
        severity: "error",
        section: "action_items",
        actionItemId: item.id,
        message: `“${item.title}” has no owner. Name the person who will see it done.`,
      });
    }
    if (!item.dueAt) {
      problems.push({
        rule: "action-item-due",
        severity: "error",
        section: "action_items",
        actionItemId: item.id,
        message: `“${item.title}” has no due date. Give it one, so it is tracked to done.`,
      });
    }
  }
  return problems;
}

/** Phrases that assign blame rather than describe a system; each with a blameless way to say it. */
export const BLAMEFUL_PHRASES: { pattern: string; rewrite: string }[] = [
  { pattern: "should have", rewrite: "say what the system or process allowed, e.g. “the deploy check did not catch the change”" },
  { pattern: "should've", rewrite: "say what the system or process allowed, e.g. “the deploy check did not catch the change”" },
  { pattern: "careless", rewrite: "describe the conditions instead: time pressure, an unclear runbook, a missing guard rail" },
  { pattern: "carelessness", rewrite: "describe the conditions instead: time pressure, an unclear runbook, a missing guard rail" },
  { pattern: "human error", rewrite: "name what let one action cause harm: a missing check, a confusing tool, no review step" },
  { pattern: "negligent", rewrite: "describe the conditions instead: time pressure, an unclear runbook, a missing guard rail" },
  { pattern: "negligence", rewrite: "describe the conditions instead: time pressure, an unclear runbook, a missing guard rail" },
  { pattern: "fault of", rewrite: "name the system or decision that made it possible, not a person" },
  { pattern: "blame", rewrite: "name the system or decision that made it possible, not a person" },
  { pattern: "blamed", rewrite: "name the system or decision that made it possible, not a person" },
  {
    pattern: "failed to",
    rewrite: "say what did not happen and why, e.g. “the alert did not fire because its threshold was above the error rate”",
  },
  { pattern: "forgot to", rewrite: "say which step was not prompted or checked, e.g. “the runbook has no step to drain the node”" },
  { pattern: "sloppy", rewrite: "describe the conditions instead: time pressure, an unclear runbook, a missing guard rail" },
  { pattern: "incompetent", rewrite: "name the missing training, documentation or safeguard" },
];

/** What a person is said to have done wrong when their name is the subject of the sentence. */
export const FAILURE_VERBS = [
  "broke",
  "forgot",
  "missed",
  "failed",
  "caused",
  "deleted",
  "dropped",
  "ignored",
  "overlooked",
  "neglected",
  "messed up",
  "screwed up",
];

const LETTER = "[\\p{L}\\p{N}]";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phrase = (words: string) => escape(words).replace(/\s+/g, "\\s+");
const wholeWords = (alternatives: string[]) => `(?<!${LETTER})(?:${alternatives.join("|")})(?!${LETTER})`;

const PHRASE_PATTERN = new RegExp(
  wholeWords([...BLAMEFUL_PHRASES].sort((a, b) => b.pattern.length - a.pattern.length).map((p) => phrase(p.pattern))),
  "giu",
);

/** Full names and first names (three letters or more), longest first, so "Dana Whitfield" wins over "Dana". */
function nameAlternatives(people: string[]): string[] {
  const names = new Set<string>();
  for (const name of people) {
    const full = name.trim().replace(/\s+/g, " ");
    if (full.length < 3) continue;
    names.add(full);
    const first = full.split(" ")[0];
    if (first.length >= 3) names.add(first);
  }
  return [...names].sort((a, b) => b.length - a.length).map(phrase);
}

function namePattern(people: string[]): RegExp | null {
  const names = nameAlternatives(people);
  if (!names.length) return null;
  const verbs = FAILURE_VERBS.map(phrase).join("|");
  // "Dana broke", "Dana accidentally deleted", "Dana's mistake".
  return new RegExp(
    `(?<!${LETTER})(?:${names.join("|")})(?:\\s+(?:accidentally|mistakenly|just|then|had|has)?\\s*(?:${verbs})|['’]s\\s+(?:fault|mistake|error))(?!${LETTER})`,
    "gu",
  );
}

function blamefulWording(sections: Sections, people: string[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const names = namePattern(people);
  for (const [key, parts] of Object.entries(sections) as [SectionKey, SectionParts | undefined][]) {
    if (!parts) continue;
    const text = docText(readingDoc(parts));
    const seen = new Set<string>();
    for (const match of text.matchAll(PHRASE_PATTERN)) {
      const quoted = match[0].replace(/\s+/g, " ");
      if (seen.has(quoted.toLowerCase())) continue;
      seen.add(quoted.toLowerCase());
      const entry = BLAMEFUL_PHRASES.find((p) => p.pattern === quoted.toLowerCase())!;
      problems.push({
        rule: "blameful-wording",
        severity: "warning",
        section: key,
        message: `“${quoted}” reads as blame. A blameless post-mortem would ${entry.rewrite}.`,
      });
    }
    for (const match of names ? text.matchAll(names) : []) {
      const quoted = match[0].replace(/\s+/g, " ");
      if (seen.has(quoted.toLowerCase())) continue;
      seen.add(quoted.toLowerCase());
      problems.push({
        rule: "blameful-wording",
        severity: "warning",
        section: key,
        message: `“${quoted}” makes a person the cause of the failure. A blameless post-mortem names the system or decision instead, e.g. “the migration ran without a dry run because the tool does not require one”.`,
      });
    }
  }
  return problems;
}
