// What one try of a queued Slack delivery came to, shared by every kind of Slack delivery (the
// channel set-up, the topic, captures, approvals): done, later (not an attempt: Slack asked us to
// wait, or the channel is not made yet), retry (with the outbox's backoff) or refused (dead,
// Slack's error kept). A 429 pauses every Slack call for its Retry-After.
import { retryAfterMs } from "~/modules/delivery/retry.ts";
import type { SlackAnswer } from "./web-api.server.ts";
import { singleton } from "~/utils/singleton.ts";

export type Step =
  | { kind: "done" }
  | { kind: "later"; waitMs: number; error: string }
  | { kind: "retry"; status: number | null; error: string }
  | { kind: "refused"; status: number; error: string };

/** Until when Slack asked us to call nothing (epoch ms). */
export const pause = singleton("slackPause", () => ({ until: 0 }));

export function failed(answer: Exclude<SlackAnswer, { ok: true }>): Step {
  if (answer.kind === "rate-limited") {
    const waitMs = retryAfterMs(answer.retryAfter) ?? 1_000;
    pause.until = Math.max(pause.until, Date.now() + waitMs);
    return { kind: "later", waitMs, error: answer.error };
  }
  if (answer.kind === "unavailable") return { kind: "retry", status: answer.status, error: answer.error };
  return { kind: "refused", status: answer.status, error: answer.error };
}
