// A local stand-in of Slack's Web API (https://api.slack.com/web), for tests that point
// SLACK_API_URL at it. It keeps Slack's contract for the methods the app uses: POST with a
// bearer token (`invalid_auth` otherwise), form-encoded or JSON arguments, the envelope
// `{ok: true, …}` / `{ok: false, error}` with HTTP 200, channel names as Slack allows them
// (lowercase a-z, 0-9, - and _, at most 80 characters: `invalid_name_specials`,
// `invalid_name_maxlength`, `name_taken`), a seeded user directory (users.info), message
// history per channel, and 429 with Retry-After on demand. It records every call it answered.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerInbound, INBOUND_METHODS, type OpenedView } from "./slack-stand-in-inbound.ts";

export type SlackCall = { method: string; args: Record<string, string>; ok: boolean; error?: string; status: number };
export type SlackUser = { id: string; email: string | null; name?: string; deleted?: boolean };
export type SlackMessage = {
  ts: string;
  text: string;
  pinned: boolean;
  edited?: boolean;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  blocks?: string;
};
export type SlackChannelState = { id: string; name: string; topic: string; members: string[]; messages: SlackMessage[] };

export type SlackStandIn = {
  /** the base for SLACK_API_URL, ending in / */
  url: string;
  token: string;
  calls: SlackCall[];
  channels: Map<string, SlackChannelState>;
  /** successful calls of one method */
  callsOf(method: string): SlackCall[];
  channelNamed(name: string): SlackChannelState | undefined;
  addUser(user: SlackUser): void;
  /** a channel that exists already (a name collision, the announcement channel); its id */
  takeName(name: string): string;
  /** the next `count` calls (of `method`, or any) answer 429 with Retry-After: `retryAfter` */
  rateLimitNext(count: number, retryAfter?: number, method?: string): void;
  /** the next `count` calls answer 503 (Slack down) */
  failNext(count: number): void;
  /** a person's (or, with bot_id, a bot's) message in a channel, as if written in Slack; its ts */
  postAs(channelId: string, message: { user?: string; bot_id?: string; text: string; thread_ts?: string }): string;
  /** the modals views.open opened */
  views: OpenedView[];
  close(): Promise<void>;
};

const NAME_RULE = /^[a-z0-9_-]+$/;
const METHODS = new Set([
  "users.info",
  "conversations.create",
  "conversations.invite",
  "conversations.setTopic",
  "chat.postMessage",
  "chat.update",
  "chat.postEphemeral",
  "pins.add",
  ...INBOUND_METHODS,
]);

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function argsOf(request: IncomingMessage, raw: string): Record<string, string> {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim();
  if (type === "application/json") {
    const json = JSON.parse(raw || "{}") as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function startSlackStandIn(options: { users?: SlackUser[]; token?: string } = {}): Promise<SlackStandIn> {
  const token = options.token ?? `xoxb-test-${randomUUID().replaceAll("-", "")}`;
  const users = new Map((options.users ?? []).map((u) => [u.id, u]));
  const channels = new Map<string, SlackChannelState>();
  const calls: SlackCall[] = [];
  const views: OpenedView[] = [];
  let limited: { count: number; retryAfter: number; method?: string } | null = null;
  let failing = 0;
  // ts as Slack gives them: seconds.microseconds of the moment, unique within a channel
  let micros = 0;

  const nextTs = () => {
    micros = Math.max(micros + 1, Date.now() * 1000);
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
  };
  const channelOf = (id: string | undefined) => (id ? channels.get(id) : undefined);

  function answer(method: string, args: Record<string, string>): Record<string, unknown> {
    const fail = (error: string) => ({ ok: false, error });
    switch (method) {
      case "users.info": {
        const user = users.get(args.user ?? "");
        if (!user) return fail("user_not_found");
        return {
          ok: true,
          user: {
            id: user.id,
            name: user.name ?? user.id,
            real_name: user.name ?? user.id,
            deleted: Boolean(user.deleted),
            profile: user.email ? { email: user.email } : {},
          },
        };
      }
      case "conversations.create": {
        const name = args.name ?? "";
        if (!name) return fail("invalid_name_required");
        if (name.length > 80) return fail("invalid_name_maxlength");
        if (!NAME_RULE.test(name)) return fail("invalid_name_specials");
        if ([...channels.values()].some((c) => c.name === name)) return fail("name_taken");
        const id = `C${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
        channels.set(id, { id, name, topic: "", members: [], messages: [] });
        return { ok: true, channel: { id, name, is_channel: true, is_private: args.is_private === "true" } };
      }
      case "conversations.invite": {
        const channel = channelOf(args.channel);
        if (!channel) return fail("channel_not_found");
        const ids = (args.users ?? "").split(",").filter(Boolean);
        if (ids.length === 0) return fail("no_user");
        if (ids.some((id) => !users.has(id))) return fail("user_not_found");
        if (ids.every((id) => channel.members.includes(id))) return fail("already_in_channel");
        for (const id of ids) if (!channel.members.includes(id)) channel.members.push(id);
        return { ok: true, channel: { id: channel.id } };
      }
      case "conversations.setTopic": {
        const channel = channelOf(args.channel);
        if (!channel) return fail("channel_not_found");
        if ((args.topic ?? "").length > 250) return fail("too_long");
        channel.topic = args.topic ?? "";
        return { ok: true, channel: { id: channel.id, topic: { value: channel.topic } } };
      }
      case "chat.postMessage":
      case "chat.postEphemeral": {
        const channel = channelOf(args.channel);
        if (!channel) return fail("channel_not_found");
        if (!args.text && !args.blocks) return fail("no_text");
        if (method === "chat.postEphemeral")
          return users.has(args.user ?? "") ? { ok: true, message_ts: nextTs() } : fail("user_not_in_channel");
        const message: SlackMessage = { ts: nextTs(), text: args.text ?? "", pinned: false, bot_id: "B0DESK", blocks: args.blocks };
        channel.messages.push(message);
        return { ok: true, channel: channel.id, ts: message.ts, message: { text: message.text, ts: message.ts } };
      }
      case "chat.update": {
        const message = channelOf(args.channel)?.messages.find((m) => m.ts === args.ts);
        if (!channelOf(args.channel)) return fail("channel_not_found");
        if (!message) return fail("message_not_found");
        message.text = args.text ?? message.text;
        message.blocks = args.blocks;
        message.edited = true;
        return { ok: true, channel: args.channel, ts: message.ts, text: message.text };
      }
      case "pins.add": {
        const channel = channelOf(args.channel);
        if (!channel) return fail("channel_not_found");
        const message = channel.messages.find((m) => m.ts === args.timestamp);
        if (!message) return fail("message_not_found");
        if (message.pinned) return fail("already_pinned");
        message.pinned = true;
        return { ok: true };
      }
    }
    return answerInbound(method, args, { channels, views }) ?? fail("unknown_method");
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const raw = await readBody(request);
    const method = (request.url ?? "").split("?")[0]!.replace(/^\/api\//, "");
    const send = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
    };
    let args: Record<string, string> = {};
    try {
      args = argsOf(request, raw);
    } catch {
      return send(200, { ok: false, error: "invalid_json" });
    }
    const record = (status: number, ok: boolean, error?: string) => calls.push({ method, args, ok, error, status });
    if (limited && limited.count > 0 && (!limited.method || limited.method === method)) {
      limited.count -= 1;
      record(429, false, "ratelimited");
      return send(429, { ok: false, error: "ratelimited" }, { "retry-after": String(limited.retryAfter) });
    }
    if (failing > 0) {
      failing -= 1;
      record(503, false, "service_unavailable");
      return send(503, { ok: false, error: "service_unavailable" });
    }
    if (request.method !== "POST" && request.method !== "GET")
      return (record(405, false, "method_not_allowed"), send(405, { ok: false, error: "method_not_allowed" }));
    if (!METHODS.has(method)) return (record(404, false, "unknown_method"), send(404, { ok: false, error: "unknown_method" }));
    if (request.headers.authorization !== `Bearer ${token}`) {
      const error = request.headers.authorization ? "invalid_auth" : "not_authed";
      return (record(200, false, error), send(200, { ok: false, error }));
    }
    const body = answer(method, args);
    record(200, body.ok === true, body.ok === true ? undefined : String(body.error));
    send(200, body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((err: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    token,
    calls,
    channels,
    callsOf: (method) => calls.filter((c) => c.method === method && c.ok),
    channelNamed: (name) => [...channels.values()].find((c) => c.name === name),
    addUser: (user) => void users.set(user.id, user),
    takeName(name) {
      const id = `C${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
      channels.set(id, { id, name, topic: "", members: [], messages: [] });
      return id;
    },
    rateLimitNext(count, retryAfter = 1, method) {
      limited = { count, retryAfter, method };
    },
    failNext(count) {
      failing = count;
    },
    postAs(channelId, message) {
      const ts = nextTs();
      channels.get(channelId)!.messages.push({ ts, pinned: false, ...message });
      return ts;
    },
    views,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
