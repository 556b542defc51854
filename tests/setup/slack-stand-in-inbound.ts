// The Web API methods the inbound half of the Slack integration uses (issue 16: the timeline
// captured from messages, approvals, modals), answered by the stand-in (slack-stand-in.ts) with
// Slack's rules and error envelopes:
// - conversations.history (channel, latest, inclusive, limit): newest first, at most `limit`;
// - conversations.replies (channel, ts): the thread's messages, `thread_not_found` otherwise;
// - chat.getPermalink (channel, message_ts): `https://<team>.slack.com/archives/<C>/p<ts digits>`;
// - views.open (trigger_id, view): `invalid_arguments` without either, `invalid_trigger_id` for a
//   trigger Slack did not issue, the modal's own limits (type modal, a title of at most 24
//   characters, at most 100 blocks, a callback_id of at most 255).
import type { SlackChannelState, SlackMessage } from "./slack-stand-in.ts";

export const INBOUND_METHODS = ["conversations.history", "conversations.replies", "chat.getPermalink", "views.open"];

export type OpenedView = { trigger_id: string; view: Record<string, any> };
type State = { channels: Map<string, SlackChannelState>; views: OpenedView[] };
type Answer = Record<string, unknown>;

const fail = (error: string, messages?: string[]): Answer => ({
  ok: false,
  error,
  ...(messages ? { response_metadata: { messages } } : {}),
});
const shown = (m: SlackMessage) => ({
  type: "message",
  ts: m.ts,
  text: m.text,
  ...(m.user ? { user: m.user } : {}),
  ...(m.bot_id ? { bot_id: m.bot_id, subtype: "bot_message" } : {}),
  ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
});

export function answerInbound(method: string, args: Record<string, string>, state: State): Answer | null {
  const channel = args.channel ? state.channels.get(args.channel) : undefined;
  switch (method) {
    case "conversations.history": {
      if (!channel) return fail("channel_not_found");
      const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
      const latest = args.latest ? Number(args.latest) : Infinity;
      const inclusive = args.inclusive === "true" || args.inclusive === "1";
      const messages = channel.messages
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .filter((m) => (inclusive ? Number(m.ts) <= latest : Number(m.ts) < latest))
        .sort((a, b) => Number(b.ts) - Number(a.ts));
      return { ok: true, messages: messages.slice(0, limit).map(shown), has_more: messages.length > limit };
    }
    case "conversations.replies": {
      if (!channel) return fail("channel_not_found");
      if (!args.ts) return fail("invalid_arguments", ["[ERROR] missing required field: ts"]);
      const parent = channel.messages.find((m) => m.ts === args.ts);
      if (!parent) return fail("thread_not_found");
      const root = parent.thread_ts ?? parent.ts;
      return { ok: true, messages: channel.messages.filter((m) => m.ts === root || m.thread_ts === root).map(shown), has_more: false };
    }
    case "chat.getPermalink": {
      if (!channel) return fail("channel_not_found");
      const message = channel.messages.find((m) => m.ts === args.message_ts);
      if (!message) return fail("message_not_found");
      return {
        ok: true,
        channel: channel.id,
        permalink: `https://northwind.slack.com/archives/${channel.id}/p${message.ts.replace(".", "")}`,
      };
    }
    case "views.open": {
      if (!args.trigger_id || !args.view)
        return fail("invalid_arguments", [`[ERROR] missing required field: ${args.trigger_id ? "view" : "trigger_id"}`]);
      if (!/^\d+\.\d+\.[0-9a-f]+$/.test(args.trigger_id)) return fail("invalid_trigger_id");
      let view: Record<string, any>;
      try {
        view = JSON.parse(args.view);
      } catch {
        return fail("invalid_arguments", ["[ERROR] view must be JSON"]);
      }
      const problems: string[] = [];
      if (view.type !== "modal") problems.push("[ERROR] must be a valid enum value [json-pointer:/view/type]");
      if (typeof view.title?.text !== "string" || view.title.text.length > 24)
        problems.push("[ERROR] must be less than 25 characters [json-pointer:/view/title/text]");
      if (!Array.isArray(view.blocks) || view.blocks.length > 100)
        problems.push("[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]");
      if (view.submit && (typeof view.submit.text !== "string" || view.submit.text.length > 24))
        problems.push("[ERROR] must be less than 25 characters [json-pointer:/view/submit/text]");
      if (String(view.callback_id ?? "").length > 255)
        problems.push("[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]");
      if (String(view.private_metadata ?? "").length > 3000)
        problems.push("[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]");
      if (problems.length) return fail("invalid_arguments", problems);
      state.views.push({ trigger_id: args.trigger_id, view });
      return { ok: true, view: { id: `V${state.views.length}`, ...view } };
    }
  }
  return null;
}
