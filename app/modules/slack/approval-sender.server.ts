// The worker's part of approving from Slack (approvals.server.ts): the update awaiting approval
// posted once to its incident's channel with Approve and Reject, then, once decided (in Slack or
// in the app), that message edited once to say who decided, without its buttons.
import { incidentRef } from "~/utils/incident-links.ts";
import { db } from "~/utils/db.server.ts";
import { publicUrl } from "~/utils/env.server.ts";
import { approvalRequestMessage, decidedMessage, type AwaitingUpdate, type Decision } from "./approval-messages.ts";
import { roomUrl } from "./messages.ts";
import { failed, type Step } from "./steps.server.ts";
import { callSlack } from "./web-api.server.ts";

/** A channel not made yet is waited for this long (not an attempt). */
const WAIT_FOR_CHANNEL_MS = 2_000;

const person = { select: { name: true } } as const;

async function loadApproval(updateId: string) {
  const approval = await db.slackApproval.findUnique({ where: { updateId } });
  if (!approval) return null;
  const update = await db.statusUpdate.findUnique({
    where: { id: updateId },
    include: {
      author: person,
      approvedBy: person,
      publishedBy: person,
      returnedBy: person,
      incident: { select: { id: true, number: true, slackChannel: { select: { channelId: true } } } },
    },
  });
  return { approval, update };
}

function decisionOf(update: NonNullable<NonNullable<Awaited<ReturnType<typeof loadApproval>>>["update"]>): Decision | null {
  if (update.state === "awaiting_approval") return null;
  if (update.state === "published")
    return update.approvedBy
      ? { kind: "published", by: update.approvedBy.name }
      : { kind: "published", by: update.publishedBy?.name ?? "someone" };
  if (update.state === "approved") return { kind: "approved", by: update.approvedBy?.name ?? "someone" };
  if (update.returnedBy && update.returnedReason) return { kind: "returned", by: update.returnedBy.name, reason: update.returnedReason };
  return { kind: "gone" };
}

/** The worker's part: post the message with its buttons once, or edit it once decided. */
export async function sendApproval(updateId: string): Promise<Step> {
  const loaded = await loadApproval(updateId);
  if (!loaded) return { kind: "done" };
  const { approval, update } = loaded;
  const incident = update?.incident;
  if (!update || !incident) {
    if (!approval.messageTs || !approval.channelId) return { kind: "done" };
    const answer = await callSlack("chat.update", {
      channel: approval.channelId,
      ts: approval.messageTs,
      text: "This update was discarded.",
      blocks: "[]",
    });
    return answer.ok || answer.kind === "error" ? { kind: "done" } : failed(answer);
  }
  const shown: AwaitingUpdate = {
    id: update.id,
    ref: incidentRef(incident.number),
    status: update.status,
    body: update.body,
    author: update.author.name,
    roomUrl: `${roomUrl(publicUrl(), incident.id)}/comms`,
  };
  const decision = decisionOf(update);
  if (!approval.messageTs) {
    if (decision) return { kind: "done" }; // decided in the app before Slack heard of it
    const channelId = incident.slackChannel?.channelId;
    if (!channelId) return { kind: "later", waitMs: WAIT_FOR_CHANNEL_MS, error: "waiting for the channel to be created" };
    const message = approvalRequestMessage(shown);
    const answer = await callSlack("chat.postMessage", {
      channel: channelId,
      text: message.text,
      blocks: JSON.stringify(message.blocks),
      unfurl_links: false,
    });
    if (!answer.ok) return failed(answer);
    await db.slackApproval.update({ where: { updateId }, data: { channelId, messageTs: String(answer.body.ts ?? "") } });
    return { kind: "done" };
  }
  if (!decision || !approval.channelId) return { kind: "done" };
  const message = decidedMessage(shown, decision);
  if (approval.decision === message.text) return { kind: "done" };
  const answer = await callSlack("chat.update", {
    channel: approval.channelId,
    ts: approval.messageTs,
    text: message.text,
    blocks: JSON.stringify(message.blocks),
  });
  if (!answer.ok) return failed(answer);
  await db.slackApproval.update({ where: { updateId }, data: { decision: message.text } });
  return { kind: "done" };
}
