// Moves a post-mortem through its review (review.ts has the rules) in one transaction: the
// state is checked again inside it and the write is conditional on it, so two reviewers
// pressing Approve at once get one approval and one 409. Every move leaves a change-log
// row (with its note) and an audit row.
import type { Actor } from "~/modules/auth/actor.ts";
import { writtenBy } from "~/modules/two-person-rule/contributors.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { announceNotifications, approversOf, storeNotifications } from "~/modules/notifications/notifications.server.ts";
import { notificationWords, othersThan, type NotificationDraft } from "~/modules/notifications/rules.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { lintErrors, type LintProblem } from "./lint.ts";
import { endLiveEditing, flushLiveEditing } from "./collab.server.ts";
import { lintStoredPostmortem } from "./lint.server.ts";
import { postmortemContributors } from "./contributors.server.ts";
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
export async function reviewPostmortem(
  actor: Actor,
  postmortemId: string,
  action: ReviewAction,
  note?: string,
): Promise<PostmortemStateName> {
  // What live editors typed a moment ago is what gets linted and approved.
  await flushLiveEditing(postmortemId);
  const { to, notified } = await moveInTransaction(actor, postmortemId, action, note);
  await announceNotifications(notified);
  // Editors reconnect and get what they may do now: read-only once approved, editing again once reopened.
  await endLiveEditing(postmortemId);
  return to;
}

function moveInTransaction(
  actor: Actor,
  postmortemId: string,
  action: ReviewAction,
  note?: string,
): Promise<{ to: PostmortemStateName; notified: string[] }> {
  return db.$transaction(async (tx) => {
    // Lock the row first: a writer being recorded (contributors.server.ts) and this move run one
    // after the other, so what is read below includes everyone who wrote before it.
    const { count: found } = await tx.postmortem.updateMany({ where: { id: postmortemId }, data: { updatedAt: new Date() } });
    if (found === 0) notFound("Post-mortem");
    const row = (await tx.postmortem.findUnique({ where: { id: postmortemId }, select: { state: true, authorId: true, title: true } }))!;
    const contributors = await postmortemContributors(tx, postmortemId, row.authorId);
    const move = REVIEW_MOVES[action];
    const errors = move.blockedByLintErrors ? lintErrors((await lintStoredPostmortem(tx, postmortemId)) ?? []) : [];
    const from = row.state as PostmortemStateName;
    const subject = { state: from, authorId: row.authorId, contributorIds: contributors.map((c) => c.id) };
    const outcome = reviewMove(subject, actor, action, { lintErrors: errors.length, note });
    if (!outcome.ok) {
      const fields =
        outcome.code === "invalid"
          ? { note: outcome.message }
          : errors.length && outcome.code === "conflict" && from === move.from
            ? problemFields(errors)
            : undefined;
      fail(outcome.code, outcome.message, fields);
    }
    const now = new Date();
    const { count } = await tx.postmortem.updateMany({
      where: { id: postmortemId, state: from },
      data: { state: outcome.to, ...stamps(action, actor, now) },
    });
    if (count === 0) fail("conflict", "Someone else moved this post-mortem a moment ago; reload it to see where it is now.");
    await tx.postmortemChange.create({
      data: {
        id: newId(),
        postmortemId,
        actorId: actor.userId,
        action: outcome.recorded,
        fromState: from,
        toState: outcome.to,
        note: note?.trim() ?? "",
        at: now,
      },
    });
    await recordAudit(tx, actor, {
      action: `postmortem.${outcome.recorded}`,
      entityType: "Postmortem",
      entityId: postmortemId,
      before: { state: from },
      after: { state: outcome.to, ...(note?.trim() ? { note: note.trim() } : {}), ...(action === "approve" ? { contributors } : {}) },
    });
    const told = await reviewNotifications(tx, actor, { id: postmortemId, ...row, contributorIds: subject.contributorIds }, action, note);
    return { to: outcome.to, notified: await storeNotifications(tx, told) };
  });
}

/** Submitting asks everyone who may approve it (none who wrote it); approving and returning tell its author. */
async function reviewNotifications(
  tx: Tx,
  actor: Actor,
  postmortem: { id: string; title: string; authorId: string; contributorIds: readonly string[] },
  action: ReviewAction,
  note?: string,
): Promise<NotificationDraft[]> {
  const incident = await tx.postmortem.findUnique({ where: { id: postmortem.id }, select: { incidentId: true } });
  const incidentId = incident?.incidentId ?? null;
  if (action === "submit") {
    const words = notificationWords.reviewRequested(postmortem, actor.name);
    const to = await approversOf(tx, "postmortem:approve", [postmortem.authorId, ...postmortem.contributorIds], actor.userId);
    return to.map((recipientId) => ({ recipientId, kind: "review_requested", incidentId, ...words }));
  }
  if (action === "approve" || action === "return") {
    const words = notificationWords.postmortemAnswered(postmortem, actor.name, action === "approve", note?.trim());
    const kind = action === "approve" ? "approval_given" : "approval_refused";
    return othersThan(actor.userId, [postmortem.authorId]).map((recipientId) => ({ recipientId, kind, incidentId, ...words }));
  }
  return [];
}

export type PostmortemChangeView = {
  id: string;
  action: string;
  fromState: PostmortemStateName;
  toState: PostmortemStateName;
  note: string;
  at: string;
  actor: { id: string; name: string } | null;
};

/**
 * What a review panel shows: lint problems, who wrote it, the buttons this person may press
 * (with why one is blocked), and the change log, newest first. Null when there is no such post-mortem.
 */
export async function reviewPanel(actor: Actor, postmortemId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.postmortem.findUnique({
      where: { id: postmortemId },
      select: { state: true, authorId: true, author: { select: { id: true, name: true } } },
    });
    if (!row) return null;
    const contributors = await postmortemContributors(tx, postmortemId, row.authorId);
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
      actions: availableReviewActions(
        { state, authorId: row.authorId, contributorIds: contributors.map((c) => c.id) },
        actor,
        lintErrors(problems).length,
      ),
      contributors,
      writtenBy: writtenBy(row.author, contributors),
      changes: changes.map((c): PostmortemChangeView => ({
        ...c,
        fromState: c.fromState as PostmortemStateName,
        toState: c.toState as PostmortemStateName,
        at: c.at.toISOString(),
      })),
    };
  });
}
