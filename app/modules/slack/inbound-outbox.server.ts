// The outbox's Slack deliveries that answer what people do in Slack (issue 16, inbound half):
// capturing a message into the timeline, posting and then settling an approval message, and a
// word only one person sees. Each is queued in the transaction of the change it follows (or with
// the row that makes it unique), sent by the delivery worker (inbound-sender.server.ts).
import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { slackSendsMessages } from "./web-api.server.ts";

/** Make a pinned, 📌-reacted or shortcut message a timeline entry: payload `{captureId}`. */
export const SLACK_CAPTURE = "slack.capture";
/** Post an update awaiting approval with its buttons, or settle that message after a decision: `{updateId}`. */
export const SLACK_APPROVAL = "slack.approval";
/** chat.postEphemeral to one person: `{channel, user, text}`. */
export const SLACK_EPHEMERAL = "slack.ephemeral";

export const INBOUND_KINDS: readonly string[] = [SLACK_CAPTURE, SLACK_APPROVAL, SLACK_EPHEMERAL];

export async function queueCaptureDelivery(tx: Tx, captureId: string, channelId: string): Promise<void> {
  await tx.delivery.create({
    data: { id: newId(), kind: SLACK_CAPTURE, channel: "slack", recipient: `channel:${channelId}`, payload: { captureId } },
  });
}

export async function queueEphemeral(tx: Tx, to: { channel: string; user: string }, text: string): Promise<void> {
  if (!slackSendsMessages() || !to.channel) return;
  await tx.delivery.create({
    data: {
      id: newId(),
      kind: SLACK_EPHEMERAL,
      channel: "slack",
      recipient: `user:${to.user}`,
      payload: { ...to, text: text.slice(0, 3000) },
    },
  });
}

/**
 * An update was sent for approval: its message in the incident's channel is to be posted with
 * Approve and Reject. Only where the incident has a channel. One waiting delivery is enough: it
 * reads the update when it is sent.
 */
export async function queueApprovalMessage(tx: Tx, updateId: string, incidentId: string): Promise<void> {
  if (!slackSendsMessages()) return;
  if (!(await tx.slackChannel.findUnique({ where: { incidentId }, select: { incidentId: true } }))) return;
  const known = await tx.slackApproval.findUnique({ where: { updateId }, select: { decision: true } });
  if (!known) await tx.slackApproval.create({ data: { updateId } });
  // Sent for approval again after a refusal: a new message with buttons; the settled one stays as it is.
  else if (known.decision)
    await tx.slackApproval.update({ where: { updateId }, data: { channelId: null, messageTs: null, decision: null } });
  await queueApprovalDelivery(tx, updateId);
}

/** An update was approved or refused (in the app or in Slack): its message, if any, says so. */
export async function settleApprovalMessage(tx: Tx, updateId: string): Promise<void> {
  if (!slackSendsMessages()) return;
  if (!(await tx.slackApproval.findUnique({ where: { updateId }, select: { updateId: true } }))) return;
  await queueApprovalDelivery(tx, updateId);
}

async function queueApprovalDelivery(tx: Tx, updateId: string): Promise<void> {
  const waiting = await tx.delivery.findFirst({
    where: { channel: "slack", kind: SLACK_APPROVAL, recipient: `update:${updateId}`, state: "queued", attempts: 0 },
    select: { id: true },
  });
  if (waiting) return;
  await tx.delivery.create({
    data: { id: newId(), kind: SLACK_APPROVAL, channel: "slack", recipient: `update:${updateId}`, payload: { updateId } },
  });
}
