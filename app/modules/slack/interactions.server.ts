// Slack's interactions this app acts on (docs/slack.md): the message shortcut "Add to timeline"
// (`message_action`, callback id add_to_timeline), the Approve and Reject buttons
// (`block_actions`, action ids approve_update and reject_update, the update's id as value), and
// the modals' submissions (`view_submission`, modals.server.ts). Slack wants an answer within 3 s:
// the shortcut only records the message (the outbox fetches and writes it), a click is a few
// database writes; refusals go to the person alone, through the outbox.
import { z } from "zod";
import { db } from "~/utils/db.server.ts";
import { APPROVE_ACTION, REJECT_ACTION } from "./approval-messages.ts";
import { decideFromSlack } from "./approvals.server.ts";
import { queueCapture } from "./capture.server.ts";
import { MessageTs } from "./events.server.ts";
import { queueEphemeral } from "./inbound-outbox.server.ts";
import { submitModal, ViewSubmissionSchema } from "./modals.server.ts";

export const ADD_TO_TIMELINE = "add_to_timeline";

const SlackUser = z.object({ id: z.string().regex(/^[UW][A-Z0-9]{2,30}$/, "must be a Slack user id") }).passthrough();
const Channel = z.object({ id: z.string().regex(/^[CGD][A-Z0-9]{2,30}$/, "must be a Slack channel id") }).passthrough();

const MessageActionSchema = z.object({
  type: z.literal("message_action"),
  callback_id: z.string().max(255),
  user: SlackUser,
  channel: Channel,
  message: z.object({ ts: MessageTs, bot_id: z.string().max(40).optional(), subtype: z.string().max(60).optional() }).passthrough(),
});

const BlockActionsSchema = z.object({
  type: z.literal("block_actions"),
  user: SlackUser,
  channel: Channel.optional(),
  container: z
    .object({ channel_id: z.string().max(40).optional(), message_ts: z.string().max(40).optional() })
    .passthrough()
    .optional(),
  actions: z
    .array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() }).passthrough())
    .min(1)
    .max(25),
});

export type InteractionOutcome = { ok: true; body?: Record<string, unknown> } | { ok: false; error: z.ZodError };

const tell = (channel: string, user: string, text: string) => db.$transaction((tx) => queueEphemeral(tx, { channel, user }, text));

export async function handleInteraction(payload: { type: string } & Record<string, unknown>): Promise<InteractionOutcome> {
  if (payload.type === "message_action") {
    const parsed = MessageActionSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const { callback_id, user, channel, message } = parsed.data;
    if (callback_id !== ADD_TO_TIMELINE) return { ok: true };
    if (message.bot_id || message.subtype === "bot_message") {
      await tell(channel.id, user.id, "Messages from apps and bots are not added to the timeline.");
      return { ok: true };
    }
    const queued = await queueCapture({ channelId: channel.id, ts: message.ts, by: user.id, via: "shortcut" });
    if (queued === "not-an-incident-channel")
      await tell(
        channel.id,
        user.id,
        "This is not an incident's channel: only messages in a channel Incident Desk made for an incident go on a timeline.",
      );
    return { ok: true };
  }
  if (payload.type === "block_actions") {
    const parsed = BlockActionsSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const { user, channel, container, actions } = parsed.data;
    const channelId = channel?.id ?? container?.channel_id ?? "";
    for (const action of actions) {
      if ((action.action_id === APPROVE_ACTION || action.action_id === REJECT_ACTION) && action.value) {
        await decideFromSlack({ action: action.action_id, updateId: action.value.slice(0, 100), slackUserId: user.id, channelId });
      }
    }
    return { ok: true };
  }
  if (payload.type === "view_submission") {
    const parsed = ViewSubmissionSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const answer = await submitModal(parsed.data);
    return answer ? { ok: true, body: answer } : { ok: true };
  }
  return { ok: true };
}
