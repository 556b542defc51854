// The timeline captured from Slack (issue 16, item 3): a 📌 reaction, a pin or the "Add to
// timeline" shortcut on a message in an incident's channel makes that message one entry. The
// request from Slack only records which message (one SlackCapture row per channel and ts: Slack's
// retries and a second pin find it there) and queues the rest, answered at once; the worker then
// asks Slack who the person is (incident:write needed), fetches the message, its author and its
// permalink, and writes the entry as that person, through the timeline's own writer.
import { can } from "~/modules/auth/roles.ts";
import { MAX_ENTRY_CHARS } from "~/modules/timeline/document.ts";
import { writeTimelineEntry } from "~/modules/timeline/entries.server.ts";
import { withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import { db } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { capturedEntryText, tsToDate } from "./capture.ts";
import { queueCaptureDelivery, queueEphemeral } from "./inbound-outbox.server.ts";
import { slackPerson } from "./people.server.ts";
import { failed, type Step } from "./steps.server.ts";
import { callSlack, slackSendsMessages } from "./web-api.server.ts";

export type CaptureRequest = { channelId: string; ts: string; by: string; via: "reaction" | "pin" | "shortcut" };
export type CaptureQueued = "queued" | "already" | "not-an-incident-channel" | "slack-off";

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/** Records that this message is to be captured, once; the worker does the rest. */
export async function queueCapture(request: CaptureRequest): Promise<CaptureQueued> {
  if (!slackSendsMessages()) return "slack-off";
  const channel = await db.slackChannel.findUnique({ where: { channelId: request.channelId }, select: { incidentId: true } });
  if (!channel) return "not-an-incident-channel";
  if (
    await db.slackCapture.findUnique({
      where: { channelId_messageTs: { channelId: request.channelId, messageTs: request.ts } },
      select: { id: true },
    })
  )
    return "already";
  try {
    await db.$transaction(async (tx) => {
      const id = newId();
      await tx.slackCapture.create({
        data: {
          id,
          channelId: request.channelId,
          messageTs: request.ts,
          incidentId: channel.incidentId,
          requestedBy: request.by,
          via: request.via,
        },
      });
      await queueCaptureDelivery(tx, id, request.channelId);
    });
  } catch (error) {
    // Slack's retry or a second pin racing the first: the first one captures it.
    if (isUniqueViolation(error)) return "already";
    throw error;
  }
  return "queued";
}

type SlackMessage = { ts?: unknown; text?: unknown; user?: unknown; bot_id?: unknown; subtype?: unknown };

/** The message itself: the channel's history at its ts, or, for a reply in a thread, the thread. */
async function fetchMessage(
  channelId: string,
  ts: string,
): Promise<{ ok: true; message: SlackMessage | null } | { ok: false; step: Step }> {
  const history = await callSlack("conversations.history", { channel: channelId, latest: ts, inclusive: true, limit: "1" });
  if (!history.ok) return { ok: false, step: failed(history) };
  const found = (history.body.messages as SlackMessage[] | undefined)?.find((m) => m.ts === ts);
  if (found) return { ok: true, message: found };
  const thread = await callSlack("conversations.replies", { channel: channelId, ts, inclusive: true, limit: "1" });
  if (!thread.ok) return thread.kind === "error" ? { ok: true, message: null } : { ok: false, step: failed(thread) };
  return { ok: true, message: (thread.body.messages as SlackMessage[] | undefined)?.find((m) => m.ts === ts) ?? null };
}

/** The Slack name of someone with no account here, to name them in the entry. */
async function slackNameOf(slackUserId: string): Promise<string> {
  const answer = await callSlack("users.info", { user: slackUserId });
  const user = answer.ok
    ? (answer.body.user as { real_name?: unknown; name?: unknown; profile?: { real_name?: unknown; display_name?: unknown } } | undefined)
    : undefined;
  const name = [user?.profile?.real_name, user?.real_name, user?.profile?.display_name, user?.name].find(
    (n) => typeof n === "string" && n.trim(),
  );
  return typeof name === "string" ? name.trim().slice(0, 80) : "Someone in Slack";
}

/** Nothing is captured: the row goes, so someone who may capture it can later. */
async function dropCapture(id: string, tell?: { channel: string; user: string; text: string }): Promise<Step> {
  await db.$transaction(async (tx) => {
    await tx.slackCapture.deleteMany({ where: { id, entryId: null } });
    if (tell) await queueEphemeral(tx, tell, tell.text);
  });
  return { kind: "done" };
}

export async function sendCapture(captureId: string): Promise<Step> {
  const capture = await db.slackCapture.findUnique({ where: { id: captureId } });
  if (!capture || capture.entryId) return { kind: "done" };
  const person = await slackPerson(capture.requestedBy);
  const tell = (text: string) => ({ channel: capture.channelId, user: capture.requestedBy, text });
  if (!person.ok) {
    if (person.refusal.startsWith("Slack did not tell us")) return { kind: "retry", status: null, error: "users.info: no answer" };
    return dropCapture(capture.id, tell(`Not added to the timeline: ${person.refusal}`));
  }
  if (!can(person.actor.role, "incident:write")) {
    return dropCapture(
      capture.id,
      tell(`Not added to the timeline: your role (${person.actor.role}) may not write it; it needs incident:write.`),
    );
  }
  const fetched = await fetchMessage(capture.channelId, capture.messageTs);
  if (!fetched.ok) return fetched.step;
  const message = fetched.message;
  // Bot messages (ours among them) are not the incident's story; a vanished message has nothing to add.
  if (!message || message.bot_id || message.subtype === "bot_message") return dropCapture(capture.id);
  const writerId = typeof message.user === "string" ? message.user : null;
  const writer = writerId ? await slackPerson(writerId) : null;
  const author = writer?.ok ? { id: writer.actor.userId, name: writer.actor.name } : undefined;
  const slackName = author ? null : writerId ? await slackNameOf(writerId) : "Someone in Slack";
  const link = await callSlack("chat.getPermalink", { channel: capture.channelId, message_ts: capture.messageTs });
  if (!link.ok && link.kind !== "error") return failed(link);
  const permalink = link.ok && typeof link.body.permalink === "string" ? link.body.permalink : null;
  const body = capturedEntryText({ text: typeof message.text === "string" ? message.text : "", slackName }, permalink, MAX_ENTRY_CHARS);
  const occurredAt = tsToDate(capture.messageTs) ?? new Date();
  const actor = { ...person.actor, slackUserId: capture.requestedBy };
  await withIncidentChanges(async (tx) => {
    const view = await writeTimelineEntry(
      tx,
      actor,
      capture.incidentId,
      {
        body,
        kind: "note",
        occurredAt: occurredAt > new Date() ? new Date() : occurredAt,
        pinned: false,
        idempotencyKey: `slack:${capture.channelId}:${capture.messageTs}`,
      },
      { author, fromSlack: true },
    );
    await tx.slackCapture.update({ where: { id: capture.id }, data: { entryId: view.id } });
  });
  return { kind: "done" };
}
