// Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
// `v0=` + hex HMAC-SHA256 of `v0:<X-Slack-Request-Timestamp>:<raw body>` under the app's
// signing secret, sent as X-Slack-Signature. Checked on the exact bytes received, before
// anything is parsed; a timestamp more than five minutes off either way is refused, so a
// captured request cannot be replayed later. Pure (the clock is passed in).
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a request's timestamp may be from our clock, either way. */
export const SLACK_WINDOW_SECONDS = 300;

/** `body`: the bytes as received (Slack signs bytes; text is taken as UTF-8). */
export type SignedRequest = { timestamp: string | null; signature: string | null; body: string | Buffer };
export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function slackSignature(secret: string, timestamp: string, body: string | Buffer): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`;
}

export function verifySlackSignature(secret: string, request: SignedRequest, nowMs: number = Date.now()): SignatureCheck {
  const { timestamp, signature, body } = request;
  if (!timestamp || !signature) return { ok: false, reason: "X-Slack-Request-Timestamp and X-Slack-Signature are required" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "the timestamp is not a number of seconds" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SLACK_WINDOW_SECONDS) {
    return { ok: false, reason: `the timestamp is more than ${SLACK_WINDOW_SECONDS} seconds from now` };
  }
  const expected = Buffer.from(slackSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "the signature does not match" };
  return { ok: true };
}
