// Slack work queued in the outbox (decision 0011): in the transaction that declares or changes
// the incident, so a rolled-back change queues nothing and a committed one is never forgotten.
// The delivery worker sends it (sender.server.ts). Without SLACK_BOT_TOKEN nothing is queued.
import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { slackSendsMessages } from "./web-api.server.ts";

/** Create the incident's channel, invite its declarer, set its topic, post and pin its summary. */
export const SLACK_SET_UP_CHANNEL = "slack.channel";
/** Bring the channel's topic up to date with the incident (severity, status, commander). */
export const SLACK_UPDATE_TOPIC = "slack.topic";

const recipientOf = (incidentId: string) => `incident:${incidentId}`;

export async function queueIncidentChannel(tx: Tx, incidentId: string, declarerSlackId?: string): Promise<void> {
  if (!slackSendsMessages()) return;
  await tx.slackChannel.create({ data: { incidentId, declarerSlackId: declarerSlackId ?? null } });
  await tx.delivery.create({
    data: { id: newId(), kind: SLACK_SET_UP_CHANNEL, channel: "slack", recipient: recipientOf(incidentId), payload: { incidentId } },
  });
}

/** One topic update waiting is enough: it reads the incident when it is sent. */
export async function queueTopicUpdate(tx: Tx, incidentId: string): Promise<void> {
  if (!slackSendsMessages()) return;
  if (!(await tx.slackChannel.findUnique({ where: { incidentId }, select: { incidentId: true } }))) return;
  const waiting = await tx.delivery.findFirst({
    where: { channel: "slack", kind: SLACK_UPDATE_TOPIC, recipient: recipientOf(incidentId), state: "queued", attempts: 0 },
    select: { id: true },
  });
  if (waiting) return;
  await tx.delivery.create({
    data: { id: newId(), kind: SLACK_UPDATE_TOPIC, channel: "slack", recipient: recipientOf(incidentId), payload: { incidentId } },
  });
}
