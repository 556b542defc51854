// The delivery worker's Slack part: one queued Slack delivery is one job, claimed like a
// webhook (a conditional update and a lease). Setting up a channel is several Web API calls;
// each one's result is stored on the SlackChannel row as soon as Slack answers, so a retry
// (after a 5xx, a timeout or a 429) resumes at the step that failed and never creates, posts or
// pins twice. A 429 pauses every Slack call for its Retry-After and is not counted as an attempt.
import { claimOneDelivery } from "~/modules/delivery/claim.server.ts";
import { nextStep } from "~/modules/delivery/retry.ts";
import { db } from "~/utils/db.server.ts";
import { env, publicUrl } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { channelName } from "./channel-names.ts";
import { announcement, channelTopic, summaryMessage, type IncidentFacts } from "./messages.ts";
import { SLACK_SET_UP_CHANNEL, SLACK_UPDATE_TOPIC } from "./outbox.server.ts";
import { sendToSlackHook } from "~/modules/delivery/slack-hook-sender.server.ts";
import { SLACK_HOOK_NOTICE, SLACK_HOOK_TEST } from "~/modules/subscribers/slack-hooks.server.ts";
import { INBOUND_KINDS } from "./inbound-outbox.server.ts";
import { sendInboundDelivery } from "./inbound-sender.server.ts";
import { SLACK_POST, sendRoomPost } from "./room-posts.server.ts";
import { failed, pause, type Step } from "./steps.server.ts";
import { callSlack } from "./web-api.server.ts";

/** Names tried before giving up: inc-7-db, inc-7-db-2 … inc-7-db-20. */
const MAX_NAME_ATTEMPTS = 20;
/** A topic update waits this long for its channel to be created first (not an attempt). */
const WAIT_FOR_CHANNEL_MS = 2_000;

async function incidentFacts(incidentId: string): Promise<IncidentFacts | null> {
  const row = await db.incident.findUnique({
    where: { id: incidentId },
    include: { commander: { select: { name: true } }, declaredBy: { select: { name: true } } },
  });
  if (!row) return null;
  const { id, number, title, summary, severity, status } = row;
  return { id, number, title, summary, severity, status, commander: row.commander?.name ?? null, declaredBy: row.declaredBy.name };
}

const save = (incidentId: string, data: Record<string, unknown>) => db.slackChannel.update({ where: { incidentId }, data });

type ChannelRow = { channelId: string | null; topic: string | null; announceTs: string | null };

/**
 * The topic, and the announcement when SLACK_ANNOUNCE_CHANNEL is set: posted once, then edited
 * with chat.update (its ts is stored the moment Slack answers, so it is never posted twice).
 */
async function setTopic(incidentId: string, channelId: string, facts: IncidentFacts, row: ChannelRow): Promise<Step> {
  const topic = channelTopic(facts);
  const changed = topic !== row.topic;
  if (changed) {
    const answer = await callSlack("conversations.setTopic", { channel: channelId, topic });
    if (!answer.ok) return failed(answer);
  }
  const announceChannel = env().SLACK_ANNOUNCE_CHANNEL;
  if (announceChannel && (changed || !row.announceTs)) {
    const text = announcement(facts, channelId, publicUrl());
    const answer = row.announceTs
      ? await callSlack("chat.update", { channel: announceChannel, ts: row.announceTs, text })
      : await callSlack("chat.postMessage", { channel: announceChannel, text, unfurl_links: false });
    if (!answer.ok) return failed(answer);
    if (!row.announceTs) await save(incidentId, { announceTs: String(answer.body.ts ?? "") });
  }
  if (changed) await save(incidentId, { topic });
  return { kind: "done" };
}

async function setUpChannel(incidentId: string): Promise<Step> {
  const facts = await incidentFacts(incidentId);
  let row = await db.slackChannel.findUnique({ where: { incidentId } });
  if (!facts || !row) return { kind: "done" };
  if (!row.channelId) {
    for (let attempt = 1; !row.channelId; attempt++) {
      if (attempt > MAX_NAME_ATTEMPTS)
        return { kind: "refused", status: 200, error: `conversations.create: ${MAX_NAME_ATTEMPTS} names taken` };
      const name = channelName(facts.number, facts.title, attempt);
      const answer = await callSlack("conversations.create", { name, is_private: false });
      if (!answer.ok && answer.kind === "error" && answer.error === "name_taken") continue;
      if (!answer.ok) return failed(answer);
      const channelId = String((answer.body.channel as { id?: unknown } | undefined)?.id ?? "");
      if (!channelId) return { kind: "retry", status: 200, error: "conversations.create answered no channel id" };
      row = await save(incidentId, { channelId, name });
    }
  }
  const channelId = row.channelId!;
  if (row.declarerSlackId && !row.invitedAt) {
    const answer = await callSlack("conversations.invite", { channel: channelId, users: row.declarerSlackId });
    // Someone who cannot be invited (left the workspace, already in) does not hold up the channel.
    if (!answer.ok && answer.kind !== "error") return failed(answer);
    if (!answer.ok) logger.warn({ incidentId, error: answer.error }, "slack: the declarer was not invited");
    row = await save(incidentId, { invitedAt: new Date() });
  }
  const topic = await setTopic(incidentId, channelId, facts, row);
  if (topic.kind !== "done") return topic;
  let summaryTs = row.summaryTs;
  if (!summaryTs) {
    const answer = await callSlack("chat.postMessage", {
      channel: channelId,
      text: summaryMessage(facts, publicUrl()),
      unfurl_links: false,
    });
    if (!answer.ok) return failed(answer);
    summaryTs = String(answer.body.ts ?? "");
    await save(incidentId, { summaryTs });
  }
  if (!row.pinnedAt) {
    const answer = await callSlack("pins.add", { channel: channelId, timestamp: summaryTs });
    if (!answer.ok && !(answer.kind === "error" && answer.error === "already_pinned")) return failed(answer);
    await save(incidentId, { pinnedAt: new Date() });
  }
  return { kind: "done" };
}

async function updateTopic(incidentId: string): Promise<Step> {
  const row = await db.slackChannel.findUnique({ where: { incidentId } });
  const facts = await incidentFacts(incidentId);
  if (!row || !facts) return { kind: "done" };
  if (!row.channelId) {
    const setUp = await db.delivery.findFirst({
      where: { channel: "slack", kind: SLACK_SET_UP_CHANNEL, recipient: `incident:${incidentId}`, state: { not: "dead" } },
      select: { id: true },
    });
    // The channel set-up sets the topic it finds; this one only waits while that is to come.
    return setUp ? { kind: "later", waitMs: WAIT_FOR_CHANNEL_MS, error: "waiting for the channel to be created" } : { kind: "done" };
  }
  return setTopic(incidentId, row.channelId, facts, row);
}

/** Claims the next due Slack delivery, unless Slack asked us to wait. */
export async function claimSlackDelivery(now: Date): Promise<string | null> {
  if (pause.until > now.getTime()) return null;
  return claimOneDelivery("slack", now);
}

export async function sendSlackDelivery(claim: string): Promise<void> {
  const row = await db.delivery.findFirstOrThrow({ where: { claim } });
  const incidentId = String((row.payload as { incidentId?: unknown } | null)?.incidentId ?? "");
  let step: Step;
  try {
    step =
      row.kind === SLACK_SET_UP_CHANNEL
        ? await setUpChannel(incidentId)
        : row.kind === SLACK_UPDATE_TOPIC
          ? await updateTopic(incidentId)
          : INBOUND_KINDS.includes(row.kind)
            ? await sendInboundDelivery(row.kind, row.payload)
            : row.kind === SLACK_POST
              ? await sendRoomPost(row).then((s) => (s.kind === "failed" ? failed(s.answer) : s))
              : row.kind === SLACK_HOOK_TEST || row.kind === SLACK_HOOK_NOTICE
                ? await sendToSlackHook(row)
                : { kind: "refused", status: 0, error: `unknown kind ${row.kind}` };
  } catch (error) {
    step = { kind: "retry", status: null, error: (error as Error).message };
  }
  const release = { claim: null, leaseUntil: null };
  const attempts = row.attempts + 1;
  const data =
    step.kind === "done"
      ? { state: "sent" as const, sentAt: new Date(), attempts, lastError: null, lastStatus: 200 }
      : step.kind === "later"
        ? {
            state: "queued" as const,
            nextAttemptAt: new Date(Date.now() + step.waitMs),
            lastError: step.error,
            lastStatus: step.error.includes("rate limited") ? 429 : null,
          }
        : {
            ...(step.kind === "refused" ? ({ state: "dead" } as const) : nextStep(attempts, Date.now())),
            attempts,
            lastError: step.error.slice(0, 1000),
            lastStatus: step.status,
          };
  if (step.kind === "retry" || step.kind === "refused")
    logger.warn({ incidentId, kind: row.kind, attempts, error: step.error }, "slack delivery not done");
  await db.$transaction((tx) => tx.delivery.updateMany({ where: { claim }, data: { ...data, ...release } }));
}
