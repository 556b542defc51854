// The signature on the email provider's event webhooks. Resend sends them through Svix:
// `svix-signature` holds one or more space-separated `v1,<base64 HMAC-SHA256>` of
// "<svix-id>.<svix-timestamp>.<raw body>", keyed with the base64 part of the `whsec_` secret
// (several while a secret is being rotated). Pure: no I/O.
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far the sender's clock may be from ours, either way: an older request is a replay. */
export const TOLERANCE_SECONDS = 5 * 60;

export type SignedRequest = { id: string | null; timestamp: string | null; signature: string | null; body: string };

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

/** Whether a value has the shape of a Svix signing secret (`whsec_` and base64). */
export function isSigningSecret(secret: string): boolean {
  return SECRET.test(secret) && Buffer.from(secret.slice("whsec_".length), "base64").length > 0;
}

function key(secret: string): Buffer {
  const match = SECRET.exec(secret);
  if (!match) throw new Error("a signing secret is whsec_ followed by base64");
  return Buffer.from(match[1], "base64");
}

/** The `v1,<signature>` Svix would send for this message (tests sign their events with it). */
export function signSvix(secret: string, id: string, timestamp: number | string, body: string): string {
  return `v1,${createHmac("sha256", key(secret)).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Checks the three headers against the raw body; `now` in ms. */
export function verifySvixSignature(secret: string, request: SignedRequest, now = Date.now()): SignatureCheck {
  const { id, timestamp, signature, body } = request;
  if (!id || !timestamp || !signature) return { ok: false, reason: "the svix-id, svix-timestamp and svix-signature headers are required" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "svix-timestamp is not a time in seconds" };
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS)
    return { ok: false, reason: "svix-timestamp is more than 5 minutes from now" };
  const expected = signSvix(secret, id, timestamp, body).slice("v1,".length);
  // Compare every candidate, so the time taken does not tell which one (or whether any) matched.
  let matched = false;
  for (const candidate of signature.split(" ")) {
    const [version, value] = candidate.split(",", 2);
    if (version === "v1" && value !== undefined && sameText(value, expected)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: "no signature matches" };
}
