// The room speaks in the incident's channel (issue 16, item 4): timeline entries written in the
// app (status and severity changes and published updates among them, as system entries), and
// nudges about promised updates, are posted to the incident's Slack channel through the outbox.
// Each is one delivery, queued in the transaction that made the change. A message is known by
// its key (`entry:<id>`, `promise:<time>`): the first delivery of a key posts it and keeps
// Slack's `ts` as the delivery's providerId; a later one of the same key (an edit, a deletion)
// edits that message with chat.update, so nothing is posted twice (decision 0048).
import type { Tx } from "~/utils/db.server.ts";
import { db } from "~/utils/db.server.ts";
import { publicUrl } from "~/utils/env.server.ts";
import { newId } from "~/utils/ids.ts";
import { escapeMrkdwn, roomUrl } from "./messages.ts";
import { slackSendsMessages, callSlack, type SlackAnswer } from "./web-api.server.ts";

/** Post (or edit) one message in the incident's channel. */
export const SLACK_POST = "slack.post";

/** Slack takes up to 40,000 characters; a channel reads better with a link to the rest. */
const MAX_TEXT = 3_000;
/** A post waits this long, not as an attempt, for its channel or for an earlier post of its incident. */
const WAIT_MS = 1_000;
const MAX_WAIT_MS = 60_000;

/** Not before what it waits for is tried again: a long outage must not become a claim a second per message. */
const waitFor = (next: Date) => Math.min(Math.max(next.getTime() - Date.now() + 100, WAIT_MS), MAX_WAIT_MS);

type PostPayload = { incidentId: string; key: string; text: string; onlyIfPosted?: boolean };

const batchKeyOf = (incidentId: string, key: string) => `slack/${incidentId}/${key}`;

/**
 * Queues a message for the incident's channel in the caller's transaction. Nothing is queued
 * without SLACK_BOT_TOKEN, or for an incident that has no channel coming (declared before
 * Slack was set up). `onlyIfPosted`: an edit of a message that was never posted is dropped.
 */
export async function queueRoomPost(
  tx: Tx,
  incidentId: string,
  key: string,
  text: string,
  options: { onlyIfPosted?: boolean } = {},
): Promise<void> {
  if (!slackSendsMessages()) return;
  if (!(await tx.slackChannel.findUnique({ where: { incidentId }, select: { incidentId: true } }))) return;
  const payload: PostPayload = { incidentId, key, text: clip(text, incidentId), ...(options.onlyIfPosted ? { onlyIfPosted: true } : {}) };
  await tx.delivery.create({
    data: {
      id: newId(),
      kind: SLACK_POST,
      channel: "slack",
      recipient: `incident:${incidentId}`,
      batchKey: batchKeyOf(incidentId, key),
      payload,
    },
  });
}

function clip(text: string, incidentId: string): string {
  if (text.length <= MAX_TEXT) return text;
  return `${text.slice(0, MAX_TEXT)}… <${roomUrl(publicUrl(), incidentId)}|read on in the room>`;
}

const ENTRY_MARKS: Record<string, string> = { status_change: ":arrows_counterclockwise:", update_published: ":mega:" };

/** How a timeline entry reads in the channel: system entries carry their own words, others their author's name. */
export function entryText(entry: { kind: string; text: string; author: string | null; deleted?: boolean }): string {
  const mark = ENTRY_MARKS[entry.kind];
  const body = escapeMrkdwn(entry.text);
  const line = mark
    ? `${mark} ${body}`
    : `:memo: *${escapeMrkdwn(entry.author ?? "Someone")}*${entry.kind === "note" ? "" : ` (${entry.kind.replace("_", " ")})`}: ${body}`;
  return entry.deleted ? `~${line}~ (deleted in the room)` : line;
}

/**
 * A timeline entry written in the app, to its channel. Entries captured from Slack (a 📌, a pin,
 * the shortcut) are already there: their writer passes `fromSlack` and nothing is queued.
 */
export async function queueEntryPost(
  tx: Tx,
  incidentId: string,
  entry: { id: string; kind: string; text: string; author: string | null; deleted?: boolean },
  options: { fromSlack?: boolean; edit?: boolean } = {},
): Promise<void> {
  if (options.fromSlack) return;
  await queueRoomPost(tx, incidentId, `entry:${entry.id}`, entryText(entry), { onlyIfPosted: options.edit });
}

export type PostStep =
  { kind: "done" } | { kind: "later"; waitMs: number; error: string } | { kind: "failed"; answer: Exclude<SlackAnswer, { ok: true }> };

/** Sends one claimed post: waits for the channel and for earlier posts, then posts or edits. */
export async function sendRoomPost(row: { id: string; claim: string | null; createdAt: Date; payload: unknown }): Promise<PostStep> {
  const payload = row.payload as PostPayload;
  const channel = await db.slackChannel.findUnique({ where: { incidentId: payload.incidentId }, select: { channelId: true } });
  if (!channel) return { kind: "done" };
  const recipient = `incident:${payload.incidentId}`;
  if (!channel.channelId) {
    const setUp = await db.delivery.findFirst({
      where: { channel: "slack", kind: "slack.channel", recipient, state: { not: "dead" } },
      select: { nextAttemptAt: true },
    });
    return setUp
      ? { kind: "later", waitMs: waitFor(setUp.nextAttemptAt), error: "waiting for the channel to be created" }
      : { kind: "done" };
  }
  // The channel reads in the room's order: an earlier post of this incident still to go goes first.
  const earlier = await db.delivery.findFirst({
    where: {
      channel: "slack",
      kind: SLACK_POST,
      recipient,
      state: { in: ["queued", "failed", "sending"] },
      createdAt: { lt: row.createdAt },
      id: { not: row.id },
    },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  if (earlier) {
    return { kind: "later", waitMs: waitFor(earlier.nextAttemptAt), error: "waiting for an earlier message of this incident" };
  }
  const batchKey = batchKeyOf(payload.incidentId, payload.key);
  const posted = await db.delivery.findFirst({
    where: { channel: "slack", batchKey, providerId: { not: null }, id: { not: row.id } },
    orderBy: { createdAt: "asc" },
    select: { providerId: true },
  });
  if (posted?.providerId) {
    const answer = await callSlack("chat.update", { channel: channel.channelId, ts: posted.providerId, text: payload.text });
    if (!answer.ok && !(answer.kind === "error" && answer.error === "message_not_found")) return { kind: "failed", answer };
    return { kind: "done" };
  }
  if (payload.onlyIfPosted) return { kind: "done" };
  const answer = await callSlack("chat.postMessage", { channel: channel.channelId, text: payload.text, unfurl_links: false });
  if (!answer.ok) return { kind: "failed", answer };
  // Stored the moment Slack answers: a later edit of this message finds it here.
  await db.delivery.updateMany({ where: { id: row.id, claim: row.claim }, data: { providerId: String(answer.body.ts ?? "") } });
  return { kind: "done" };
}
