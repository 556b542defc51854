// Calls to Slack's Web API with plain fetch (decision 0045): a form-encoded POST to
// SLACK_API_URL + method with the bot token as a bearer, answered `{ok: true, …}` or
// `{ok: false, error}`. No retries here: the caller is the delivery worker, which retries
// with backoff and honours a 429's Retry-After (retry.ts), or a command that must answer
// Slack within 3 seconds and so takes one short try.
import { env } from "~/utils/env.server.ts";

/** Each call is one try of at most this long (a command's whole answer must fit in Slack's 3 s). */
const CALL_TIMEOUT_MS = 2_000;

export type SlackAnswer =
  | { ok: true; body: Record<string, unknown> }
  /** Slack answered ok:false: `error` is its code (name_taken, channel_not_found, invalid_auth…) */
  | { ok: false; kind: "error"; status: number; error: string }
  | { ok: false; kind: "rate-limited"; status: 429; error: string; retryAfter: string | null }
  /** no answer, a 5xx or something that is not Slack's envelope: worth trying again */
  | { ok: false; kind: "unavailable"; status: number | null; error: string };

export function slackSendsMessages(): boolean {
  return Boolean(env().SLACK_BOT_TOKEN);
}

export async function callSlack(method: string, args: Record<string, string | boolean | undefined>): Promise<SlackAnswer> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(args)) if (value !== undefined) form.set(key, String(value));
  let response: Response;
  try {
    response = await fetch(new URL(method, env().SLACK_API_URL), {
      method: "POST",
      headers: { authorization: `Bearer ${env().SLACK_BOT_TOKEN ?? ""}`, "content-type": "application/x-www-form-urlencoded" },
      body: form,
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, kind: "unavailable", status: null, error: `${method}: ${(error as Error).message}` };
  }
  if (response.status === 429) {
    await response.body?.cancel();
    return {
      ok: false,
      kind: "rate-limited",
      status: 429,
      error: `${method}: rate limited`,
      retryAfter: response.headers.get("retry-after"),
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, kind: "unavailable", status: response.status, error: `${method}: HTTP ${response.status}, not Slack's JSON` };
  }
  const envelope = body as { ok?: unknown; error?: unknown };
  if (envelope && envelope.ok === true) return { ok: true, body: body as Record<string, unknown> };
  if (response.status >= 500 || !envelope || typeof envelope.error !== "string") {
    return { ok: false, kind: "unavailable", status: response.status, error: `${method}: HTTP ${response.status}` };
  }
  return { ok: false, kind: "error", status: response.status, error: envelope.error };
}
