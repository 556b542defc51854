// Moves a post-mortem through its review (review.ts has the rules) in one transaction: the
// state is checked again inside it and the write is conditional on it, so two reviewers
// pressing Approve at once get one approval and one 409. Every move leaves a change-log
// row (with its note) and an audit row.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { lintErrors, type LintProblem } from "./lint.ts";
import { endLiveEditing, flushLiveEditing } from "./collab.server.ts";
import { lintStoredPostmortem } from "./lint.server.ts";
import { availableReviewActions, REVIEW_MOVES, reviewMove, type ReviewAction } from "./review.ts";
import type { PostmortemStateName } from "./sections.ts";

/** What each move stamps; reopening starts the review over, so earlier stamps no longer hold. */
function stamps(action: ReviewAction, actor: Actor, now: Date) {
  switch (action) {
    case "submit":
      return { submittedAt: now };
    case "return":
      return { submittedAt: null };
    case "approve":
      return { approvedById: actor.userId, approvedAt: now };
    case "publish":
      return { publishedAt: now };
    case "reopen":
      return { submittedAt: null, approvedById: null, approvedAt: null, publishedAt: null };
  }
}

/** The errors lint found, by where to fix them, for the 409's `fields`. */
function problemFields(problems: LintProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.actionItemId ? `${p.section}.${p.actionItemId}` : p.section] ??= p.message;
  return fields;
}

/** Applies the move and answers the state it left the post-mortem in. */
export async function reviewPostmortem(actor: Actor, postmortemId: string, action: ReviewAction, note?: string): Promise<PostmortemStateName> {
  // What live editors typed a moment ago is what gets linted and approved.
  await flushLiveEditing(postmortemId);
  const to = await moveInTransaction(actor, postmortemId, action, note);
  // Editors reconnect and get what they may do now: read-only once approved, editing again once reopened.
  await endLiveEditing(postmortemId);
  return to;
}

function moveInTransaction(actor: Actor, postmortemId: string, action: ReviewAction, note?: string): Promise<PostmortemStateName> {
  return db.$transaction(async (tx) => {
    const row = await tx.postmortem.findUnique({ where: { id: postmortemId }, select: { state: true, authorId: true } });
    if (!row) notFound("Post-mortem");
    const move = REVIEW_MOVES[action];
    const errors = move.blockedByLintErrors ? lintErrors((await lintStoredPostmortem(tx, postmortemId)) ?? []) : [];
    const from = row.state as PostmortemStateName;
    const outcome = reviewMove({ state: from, authorId: row.authorId }, actor, action, { lintErrors: errors.length, note });
    if (!outcome.ok) {
      const fields = outcome.code === "invalid" ? { note: outcome.message } : errors.length && outcome.code === "conflict" && from === move.from ? problemFields(errors) : undefined;
      fail(outcome.code, outcome.message, fields);
    }
    const now = new Date();
    const { count } = await tx.postmortem.updateMany({ where: { id: postmortemId, state: from }, data: { state: outcome.to, ...stamps(action, actor, now) } });
    if (count === 0) fail("conflict", "Someone else moved this post-mortem a moment ago; reload it to see where it is now.");
    await tx.postmortemChange.create({
      data: { id: newId(), postmortemId, actorId: actor.userId, action: outcome.recorded, fromState: from, toState: outcome.to, note: note?.trim() ?? "", at: now },
    });
    await recordAudit(tx, actor, {
      action: `postmortem.${outcome.recorded}`,
      entityType: "Postmortem",
      entityId: postmortemId,
      before: { state: from },
      after: { state: outcome.to, ...(note?.trim() ? { note: note.trim() } : {}) },
    });
    return outcome.to;
  });
}

export type PostmortemChangeView = { id: string; action: string; fromState: PostmortemStateName; toState: PostmortemStateName; note: string; at: string; actor: { id: string; name: string } | null };

/**
 * What a review panel shows: lint problems, the buttons this person may press (with why one
 * is blocked), and the change log, newest first. Null when there is no such post-mortem.
 */
export async function reviewPanel(actor: Actor, postmortemId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.postmortem.findUnique({ where: { id: postmortemId }, select: { state: true, authorId: true } });
    if (!row) return null;
    const problems = (await lintStoredPostmortem(tx, postmortemId)) ?? [];
    const changes = await tx.postmortemChange.findMany({
      where: { postmortemId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true, action: true, fromState: true, toState: true, note: true, at: true, actor: { select: { id: true, name: true } } },
    });
    const state = row.state as PostmortemStateName;
    return {
      state,
      problems,
      actions: availableReviewActions({ state, authorId: row.authorId }, actor, lintErrors(problems).length),
      changes: changes.map((c): PostmortemChangeView => ({ ...c, fromState: c.fromState as PostmortemStateName, toState: c.toState as PostmortemStateName, at: c.at.toISOString() })),
    };
  });
}
