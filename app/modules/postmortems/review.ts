// The review of a post-mortem, pure: who may move it from which state to which, and what
// blocks the move. review.server.ts applies a move in one transaction.
//
//   draft ──submit──▶ in_review ──approve──▶ approved ──publish──▶ published
//     ▲                  │                                              │
//     └──────return──────┘◀──────────────────reopen─────────────────────┘ (to draft)
import { z } from "zod";
import { can, type RoleName } from "~/modules/auth/roles.ts";
import { contributorRefusal } from "~/modules/two-person-rule/contributors.ts";
import type { PostmortemStateName } from "./sections.ts";

export const REVIEW_ACTIONS = ["submit", "return", "approve", "publish", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

type Move = {
  from: PostmortemStateName;
  to: PostmortemStateName;
  permission: "postmortem:write" | "postmortem:approve";
  /** the word the change log and the audit trail use */
  recorded: "submitted" | "returned" | "approved" | "published" | "reopened";
  /** what the button says */
  label: string;
  needsNote: boolean;
  blockedByLintErrors: boolean;
};

export const REVIEW_MOVES: Record<ReviewAction, Move> = {
  submit: {
    from: "draft",
    to: "in_review",
    permission: "postmortem:write",
    recorded: "submitted",
    label: "Submit for review",
    needsNote: false,
    blockedByLintErrors: true,
  },
  return: {
    from: "in_review",
    to: "draft",
    permission: "postmortem:approve",
    recorded: "returned",
    label: "Return to the author",
    needsNote: true,
    blockedByLintErrors: false,
  },
  approve: {
    from: "in_review",
    to: "approved",
    permission: "postmortem:approve",
    recorded: "approved",
    label: "Approve",
    needsNote: false,
    blockedByLintErrors: true,
  },
  publish: {
    from: "approved",
    to: "published",
    permission: "postmortem:approve",
    recorded: "published",
    label: "Publish",
    needsNote: false,
    blockedByLintErrors: false,
  },
  reopen: {
    from: "published",
    to: "draft",
    permission: "postmortem:approve",
    recorded: "reopened",
    label: "Reopen",
    needsNote: true,
    blockedByLintErrors: false,
  },
};

const STATE_WORDS: Record<PostmortemStateName, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  published: "published",
};

export const MAX_NOTE_LENGTH = 2000;

/** The body of a review request; returning and reopening need a note saying why. */
export const ReviewRequestSchema = z
  .object({
    action: z.enum(REVIEW_ACTIONS, { message: `must be one of ${REVIEW_ACTIONS.join(", ")}` }),
    note: z.string({ message: "must be text" }).trim().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (REVIEW_MOVES[value.action].needsNote && !value.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: value.action === "reopen" ? "say why it is reopened" : "say what the author should change",
      });
    }
  });
export type ReviewRequest = z.output<typeof ReviewRequestSchema>;

/** The post-mortem as a move sees it: its state, and who wrote it (its author and every editor, decision 29). */
export type ReviewSubject = { state: PostmortemStateName; authorId: string; contributorIds: readonly string[] };
export type Reviewer = { userId: string; role: RoleName };

export type ReviewRefusal = { code: "forbidden" | "conflict" | "invalid"; message: string };
export type ReviewOutcome = { ok: true; to: PostmortemStateName; recorded: Move["recorded"] } | ({ ok: false } & ReviewRefusal);

/**
 * Whether `reviewer` may take `action` now. Checked in this order: the role, the state, who
 * wrote it (no author or editor approves it), the note, then the lint errors, so the first
 * answer is the one that matters to the person pressing the button.
 */
export function reviewMove(
  subject: ReviewSubject,
  reviewer: Reviewer,
  action: ReviewAction,
  context: { lintErrors: number; note?: string },
): ReviewOutcome {
  const move = REVIEW_MOVES[action];
  if (!can(reviewer.role, move.permission)) {
    return { ok: false, code: "forbidden", message: `The ${reviewer.role} role cannot ${action} a post-mortem.` };
  }
  if (subject.state !== move.from) {
    return {
      ok: false,
      code: "conflict",
      message: `Only a post-mortem that is ${STATE_WORDS[move.from]} can be ${move.recorded}; this one is ${STATE_WORDS[subject.state]}.`,
    };
  }
  const writer = action === "approve" ? contributorRefusal("post-mortem", subject, reviewer.userId) : null;
  if (writer) return { ok: false, code: "forbidden", message: writer };
  // Returning sends it back to its author with a note of what to change: a reviewer's move,
  // never the author's own (decision 0042).
  if (action === "return" && subject.authorId === reviewer.userId) {
    return {
      ok: false,
      code: "forbidden",
      message: "You are the author: returning it to the author is for a reviewer. Ask a reviewer, or wait for their note.",
    };
  }
  if (move.needsNote && !context.note?.trim()) {
    return {
      ok: false,
      code: "invalid",
      message: action === "reopen" ? "Say why the post-mortem is reopened." : "Say what the author should change.",
    };
  }
  if (move.blockedByLintErrors && context.lintErrors > 0) {
    const problems = context.lintErrors === 1 ? "1 problem" : `${context.lintErrors} problems`;
    return {
      ok: false,
      code: "conflict",
      message: `It cannot be ${move.recorded} yet: ${problems} must be fixed first (see the checks beside the editor).`,
    };
  }
  return { ok: true, to: move.to, recorded: move.recorded };
}

/**
 * The actions to offer as buttons: those the reviewer's role allows from the current state.
 * One blocked by lint errors, or an approval refused because this reviewer wrote some of it,
 * is still offered (with `blocked`), so the page can say why it is disabled.
 */
export type ReviewButton = { action: ReviewAction; label: string; needsNote: boolean; blocked: string | null };

export function availableReviewActions(subject: ReviewSubject, reviewer: Reviewer, lintErrors: number): ReviewButton[] {
  return REVIEW_ACTIONS.flatMap((action): ReviewButton[] => {
    const move = REVIEW_MOVES[action];
    // The author is not offered "Return to the author": it would be addressed to themselves.
    if (action === "return" && subject.authorId === reviewer.userId) return [];
    const outcome = reviewMove(subject, reviewer, action, { lintErrors, note: move.needsNote ? "(asked for on the form)" : undefined });
    if (outcome.ok) return [{ action, label: move.label, needsNote: move.needsNote, blocked: null }];
    const refusedHere = outcome.code === "conflict" || (outcome.code === "forbidden" && can(reviewer.role, move.permission));
    if (refusedHere && subject.state === move.from) {
      return [{ action, label: move.label, needsNote: move.needsNote, blocked: outcome.message }];
    }
    return [];
  });
}
