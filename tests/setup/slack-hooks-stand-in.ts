// A local stand-in of Slack's incoming webhooks (https://api.slack.com/messaging/webhooks), for
// tests that point SLACK_HOOKS_BASE_URL at it. It answers as Slack does, in plain text: POST
// /services/<T>/<B>/<secret> with a JSON body carrying `text` is 200 "ok"; a body without text
// is 400 "invalid_payload"; an unknown hook is 404 "no_service". A hook can be made to answer
// otherwise on demand (410 "channel_is_archived", 404 "channel_not_found", 429 with Retry-After,
// 503). It records every post it received.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type HookPost = { path: string; text: string; status: number; answer: string };
type Answer = { status: number; body: string; retryAfter?: number };

export type SlackHooksStandIn = {
  /** the base for SLACK_HOOKS_BASE_URL, ending in / */
  base: string;
  posts: HookPost[];
  /** a new hook's URL, answering 200 "ok" */
  newHook(): string;
  /** the messages a hook took (answered 200 "ok") */
  taken(url: string): string[];
  /** the next `count` posts to this hook get this answer instead (count Infinity: from now on) */
  answerNext(url: string, answer: Answer, count?: number): void;
  close(): Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startSlackHooksStandIn(): Promise<SlackHooksStandIn> {
  const hooks = new Set<string>();
  const planned = new Map<string, { answer: Answer; count: number }>();
  const posts: HookPost[] = [];
  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const path = (request.url ?? "").split("?")[0]!;
    const reply = (status: number, body: string, headers: Record<string, string> = {}, text = "") => {
      posts.push({ path, text, status, answer: body });
      response.writeHead(status, { "content-type": "text/html", ...headers }).end(body);
    };
    if (request.method !== "POST") return reply(405, "invalid_method");
    let text = "";
    try {
      const json = JSON.parse(raw) as { text?: unknown };
      text = typeof json.text === "string" ? json.text : "";
    } catch {
      return reply(400, "invalid_payload");
    }
    const plan = planned.get(path);
    if (plan && plan.count > 0) {
      plan.count -= 1;
      return reply(
        plan.answer.status,
        plan.answer.body,
        plan.answer.retryAfter ? { "retry-after": String(plan.answer.retryAfter) } : {},
        text,
      );
    }
    if (!hooks.has(path)) return reply(404, "no_service", {}, text);
    if (!text) return reply(400, "no_text", {}, text);
    reply(200, "ok", {}, text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const pathOf = (url: string) => new URL(url).pathname;
  return {
    base: `${origin}/`,
    posts,
    newHook() {
      const id = randomUUID().replaceAll("-", "");
      const path = `/services/T0TEST/B${id.slice(0, 10).toUpperCase()}/${id.slice(10)}`;
      hooks.add(path);
      return origin + path;
    },
    taken: (url) => posts.filter((p) => p.path === pathOf(url) && p.status === 200).map((p) => p.text),
    answerNext(url, answer, count = 1) {
      planned.set(pathOf(url), { answer, count });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
