import { randomBytes } from "node:crypto";
import { Resend } from "resend";
import { describe, expect, it } from "vitest";
import { isSigningSecret, signSvix, verifySvixSignature } from "./svix-signature.ts";

const secret = `whsec_${randomBytes(24).toString("base64")}`;
const otherSecret = `whsec_${randomBytes(24).toString("base64")}`;
const body = JSON.stringify({
  type: "email.bounced",
  created_at: "2026-11-25T10:00:00.000Z",
  data: { email_id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c" },
});
const now = Date.UTC(2026, 10, 25, 10, 0, 0);
const seconds = (ms: number) => String(Math.floor(ms / 1000));

type Signed = { id: string; timestamp: string; signature: string; body: string };

function request(overrides: Partial<Signed> = {}): Signed {
  const id = "msg_2pYtUp4ZcJ1tL0r2CK8Vk6hDkGe";
  const timestamp = seconds(now);
  return { id, timestamp, signature: signSvix(secret, id, timestamp, body), body, ...overrides };
}

describe("Svix webhook signatures", () => {
  it("accept a request signed with the secret, also as Resend's own SDK checks it", () => {
    const signed = request();
    expect(verifySvixSignature(secret, signed, now)).toEqual({ ok: true });
    // The SDK checks against the real clock: sign for now.
    const fresh = request({ timestamp: seconds(Date.now()) });
    fresh.signature = signSvix(secret, fresh.id, fresh.timestamp, body);
    const resend = new Resend("re_test_key");
    expect(
      resend.webhooks.verify({
        payload: body,
        headers: { id: fresh.id, timestamp: fresh.timestamp, signature: fresh.signature },
        webhookSecret: secret,
      }),
    ).toMatchObject({ type: "email.bounced" });
  });

  it("refuse a signature made with another secret", () => {
    const signed = request();
    const forged = { ...signed, signature: signSvix(otherSecret, signed.id, signed.timestamp, body) };
    expect(verifySvixSignature(secret, forged, now)).toEqual({ ok: false, reason: "no signature matches" });
  });

  it("refuse a timestamp more than 5 minutes old or ahead, even correctly signed", () => {
    for (const offset of [-301_000, 301_000]) {
      const timestamp = seconds(now + offset);
      const signed = request({ timestamp, signature: signSvix(secret, "msg_1", timestamp, body), id: "msg_1" });
      expect(verifySvixSignature(secret, signed, now)).toMatchObject({ ok: false, reason: expect.stringMatching(/5 minutes/) });
    }
    const timestamp = seconds(now - 299_000);
    expect(
      verifySvixSignature(secret, request({ timestamp, signature: signSvix(secret, "msg_1", timestamp, body), id: "msg_1" }), now),
    ).toEqual({ ok: true });
  });

  it("accept a header with several signatures when one matches (secret rotation), and ignore other versions", () => {
    const signed = request();
    const stale = signSvix(otherSecret, signed.id, signed.timestamp, body);
    expect(
      verifySvixSignature(secret, { ...signed, signature: `${stale} v1a,${randomBytes(32).toString("base64")} ${signed.signature}` }, now),
    ).toEqual({ ok: true });
    expect(verifySvixSignature(secret, { ...signed, signature: `${stale} v2,${signed.signature.slice(3)}` }, now)).toMatchObject({
      ok: false,
    });
  });

  it("refuse a tampered body, id or timestamp", () => {
    const signed = request();
    expect(verifySvixSignature(secret, { ...signed, body: body.replace("bounced", "delivered") }, now)).toMatchObject({ ok: false });
    expect(verifySvixSignature(secret, { ...signed, body: `${body} ` }, now)).toMatchObject({ ok: false });
    expect(verifySvixSignature(secret, { ...signed, id: "msg_other" }, now)).toMatchObject({ ok: false });
    expect(verifySvixSignature(secret, { ...signed, timestamp: String(Number(signed.timestamp) - 1) }, now)).toMatchObject({ ok: false });
  });

  it("refuse missing headers and timestamps that are not seconds", () => {
    expect(verifySvixSignature(secret, { ...request(), signature: null }, now)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/headers are required/),
    });
    expect(verifySvixSignature(secret, request({ id: "" }), now)).toMatchObject({ ok: false });
    expect(verifySvixSignature(secret, request({ timestamp: "2026-11-25T10:00:00Z" }), now)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/seconds/),
    });
    expect(verifySvixSignature(secret, request({ signature: "v1," }), now)).toMatchObject({ ok: false });
  });

  it("know a signing secret by its shape", () => {
    expect(isSigningSecret(secret)).toBe(true);
    expect(isSigningSecret("whsec_")).toBe(false);
    expect(isSigningSecret("not-a-secret")).toBe(false);
    expect(isSigningSecret("whsec_abc def")).toBe(false);
  });
});
