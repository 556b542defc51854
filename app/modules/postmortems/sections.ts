// The sections of a post-mortem, in reading order (../shared/reference/postmortems.md).
// "generated" sections are filled from the incident's data; "written" ones only a person can
// write, so they start empty with guiding prompts (shown beside the editor, never stored as
// if someone had written them). Pure: no I/O.

export const SECTION_KEYS = [
  "summary",
  "impact",
  "timeline",
  "root_cause",
  "detection",
  "response",
  "contributing_factors",
  "lessons",
  "communication",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export type SectionDefinition = {
  key: SectionKey;
  title: string;
  /** filled from data when generated; written ones start with prompts only */
  source: "generated" | "written";
  /** what the writer should answer; liquid, adjustable by admins with the section template */
  prompts: string[];
};

export const SECTIONS: readonly SectionDefinition[] = [
  {
    key: "summary",
    title: "Summary",
    source: "generated",
    prompts: ["Two to four sentences a director can read alone: what broke, for whom, for how long, and what fixed it."],
  },
  {
    key: "impact",
    title: "Impact",
    source: "generated",
    prompts: ["Add what the data does not hold: share of requests failed or users affected, support tickets, SLA consequences."],
  },
  {
    key: "timeline",
    title: "Timeline",
    source: "generated",
    prompts: ["Key moments only: start, detection, acknowledgement, escalation, mitigation, resolution, each customer update."],
  },
  {
    key: "root_cause",
    title: "Root cause and trigger",
    source: "written",
    prompts: [
      "What made this failure possible (the root cause), and what set it off (the trigger)?",
      "Ask why five times: stop at a cause you can act on, in systems and decisions, not people.",
      "Which of the hypotheses recorded during the incident proved true?",
    ],
  },
  {
    key: "detection",
    title: "Detection",
    source: "generated",
    prompts: ["How could we have noticed sooner? Which alert was missing, late or noisy?"],
  },
  {
    key: "response",
    title: "Response and resolution",
    source: "generated",
    prompts: ["What was done, in what order, and what worked? What slowed the response down?"],
  },
  {
    key: "contributing_factors",
    title: "Contributing factors",
    source: "written",
    prompts: ["What made the impact larger or the recovery slower: missing safeguards, unclear ownership, tooling, load?"],
  },
  {
    key: "lessons",
    title: "Lessons learned",
    source: "written",
    prompts: ["What went well?", "What went wrong?", "Where did we get lucky?"],
  },
  {
    key: "communication",
    title: "Customer communication",
    source: "generated",
    prompts: ["Were customers told early enough, in words they understood? Was every promised update kept?"],
  },
];

export function sectionDefinition(key: string): SectionDefinition | undefined {
  return SECTIONS.find((s) => s.key === key);
}

export function isSectionKey(key: string): key is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(key);
}

export const POSTMORTEM_STATES = ["draft", "in_review", "approved", "published"] as const;
export type PostmortemStateName = (typeof POSTMORTEM_STATES)[number];

export const POSTMORTEM_STATE_LABELS: Record<PostmortemStateName, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  published: "Published",
};

export const ACTION_ITEM_KINDS = ["mitigate", "prevent", "process"] as const;
export const ACTION_ITEM_PRIORITIES = ["high", "medium", "low"] as const;
export const ACTION_ITEM_STATES = ["open", "in_progress", "done", "wont_do"] as const;
export type ActionItemKindName = (typeof ACTION_ITEM_KINDS)[number];
export type ActionItemPriorityName = (typeof ACTION_ITEM_PRIORITIES)[number];
export type ActionItemStateName = (typeof ACTION_ITEM_STATES)[number];

export const ACTION_ITEM_STATE_LABELS: Record<ActionItemStateName, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

/** Where a link back to the incident's data points: an entry (entryHref, timeline/entry-link.ts), a field, a published update. */
export function fieldHref(reference: string, field: string): string {
  return `/incidents/${reference}#field-${field}`;
}
export function updateHref(reference: string, updateId: string): string {
  return `/incidents/${reference}/comms#update-${updateId}`;
}

/** The name of the shared Yjs document of a post-mortem (one XML fragment per section key). */
export function collabDocumentName(postmortemId: string): string {
  return `postmortem:${postmortemId}`;
}
