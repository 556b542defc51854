// Slack's event callbacks this app acts on (issue 16, item 3): a 📌 (`pushpin`) reaction on a
// message, and a message pinned, in an incident's channel, capture that message into the
// timeline. Other events are acknowledged and ignored. Slack retries an event it thinks we
// missed (same event_id, X-Slack-Retry-Num): the capture is keyed by the message, so a retry,
// a second 📌 and a pin all find it already recorded.
import { z } from "zod";
import { queueCapture, type CaptureQueued } from "./capture.server.ts";

const SlackUserId = z.string().regex(/^[UWB][A-Z0-9]{2,30}$/, "must be a Slack user id");
const ChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/, "must be a Slack channel id");
export const MessageTs = z.string().regex(/^\d{9,11}\.\d{1,6}$/, "must be a Slack message ts");

/** The emoji whose reaction captures a message. */
export const CAPTURE_REACTION = "pushpin";

const ReactionAddedSchema = z.object({
  type: z.literal("reaction_added"),
  user: SlackUserId,
  reaction: z.string().max(100),
  item: z.object({ type: z.string().max(40), channel: ChannelId.optional(), ts: MessageTs.optional() }),
});

const PinAddedSchema = z.object({
  type: z.literal("pin_added"),
  user: SlackUserId,
  channel_id: ChannelId,
  item: z.object({
    type: z.string().max(40),
    channel: ChannelId.optional(),
    message: z
      .object({ ts: MessageTs, bot_id: z.string().max(40).optional(), subtype: z.string().max(60).optional() })
      .passthrough()
      .optional(),
  }),
});

export type EventOutcome = { ok: true; outcome: CaptureQueued | "ignored" } | { ok: false; error: z.ZodError };

export async function handleSlackEvent(event: { type: string } & Record<string, unknown>): Promise<EventOutcome> {
  if (event.type === "reaction_added") {
    const parsed = ReactionAddedSchema.safeParse(event);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const { user, reaction, item } = parsed.data;
    // `pushpin` and its skin-tone-free aliases only; a reaction on a file is not a message.
    if (reaction !== CAPTURE_REACTION || item.type !== "message" || !item.channel || !item.ts) return { ok: true, outcome: "ignored" };
    return { ok: true, outcome: await queueCapture({ channelId: item.channel, ts: item.ts, by: user, via: "reaction" }) };
  }
  if (event.type === "pin_added") {
    const parsed = PinAddedSchema.safeParse(event);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const { user, channel_id, item } = parsed.data;
    if (item.type !== "message" || !item.message) return { ok: true, outcome: "ignored" };
    if (item.message.bot_id || item.message.subtype === "bot_message") return { ok: true, outcome: "ignored" };
    return { ok: true, outcome: await queueCapture({ channelId: item.channel ?? channel_id, ts: item.message.ts, by: user, via: "pin" }) };
  }
  return { ok: true, outcome: "ignored" };
}
