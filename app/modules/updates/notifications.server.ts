// Whom an update's approval concerns: asking for it tells everyone who may give it (none who
// wrote the text); giving or refusing it tells the author. Stored by drafts.server.ts in its transaction.
import type { Actor } from "~/modules/auth/actor.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { approversOf } from "~/modules/notifications/notifications.server.ts";
import { notificationWords, othersThan, type NotificationDraft } from "~/modules/notifications/rules.ts";
import { queueApprovalMessage } from "~/modules/slack/inbound-outbox.server.ts";
import type { Tx } from "~/utils/db.server.ts";

type Asked = { id: string; incidentId: string; body: string; status: string; authorId: string; contributorIds: readonly string[] };

export async function approvalAskedOf(tx: Tx, actor: Actor, update: Asked, incidentNumber: number): Promise<NotificationDraft[]> {
  const words = notificationWords.approvalRequested(update, incidentRef(incidentNumber), actor.name);
  const to = await approversOf(tx, "update:approve", [update.authorId, ...update.contributorIds], actor.userId);
  // The incident's Slack channel is asked too, with Approve and Reject (issue 16).
  await queueApprovalMessage(tx, update.id, update.incidentId);
  return to.map((recipientId) => ({ recipientId, kind: "approval_requested", incidentId: update.incidentId, ...words }));
}

export function approvalAnswered(
  actor: Actor,
  update: { id: string; incidentId: string; status: string; authorId: string },
  incidentNumber: number,
  published: boolean,
): NotificationDraft[] {
  const words = notificationWords.approvalGiven(update, incidentRef(incidentNumber), actor.name, published);
  return othersThan(actor.userId, [update.authorId]).map((recipientId) => ({
    recipientId,
    kind: "approval_given",
    incidentId: update.incidentId,
    ...words,
  }));
}

export function approvalRefused(
  actor: Actor,
  update: { id: string; incidentId: string; status: string; authorId: string },
  incidentNumber: number,
  reason: string,
): NotificationDraft[] {
  const words = notificationWords.approvalRefused(update, incidentRef(incidentNumber), actor.name, reason);
  return othersThan(actor.userId, [update.authorId]).map((recipientId) => ({
    recipientId,
    kind: "approval_refused",
    incidentId: update.incidentId,
    ...words,
  }));
}
