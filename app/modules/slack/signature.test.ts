import { describe, expect, it } from "vitest";
import { slackSignature, verifySlackSignature } from "./signature.ts";

// Slack's published example (api.slack.com/authentication/verifying-requests-from-slack).
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = "1531420618";
const BODY =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const THEN = Number(TIMESTAMP) * 1000;

describe("Slack's request signature", () => {
  it("computes Slack's published test vector", () => {
    expect(slackSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it("accepts the published request when the clock says it was just sent", () => {
    expect(verifySlackSignature(SECRET, { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY }, THEN)).toEqual({ ok: true });
    expect(verifySlackSignature(SECRET, { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY }, THEN + 300_000).ok).toBe(true);
    expect(verifySlackSignature(SECRET, { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY }, THEN - 300_000).ok).toBe(true);
  });

  it("refuses a timestamp more than five minutes off, either way", () => {
    for (const now of [THEN + 301_000, THEN - 301_000, Date.now()]) {
      const check = verifySlackSignature(SECRET, { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY }, now);
      expect(check).toEqual({ ok: false, reason: "the timestamp is more than 300 seconds from now" });
    }
  });

  it("refuses a changed body, another secret, a truncated or missing signature", () => {
    const signed = { timestamp: TIMESTAMP, signature: SIGNATURE, body: BODY };
    expect(verifySlackSignature(SECRET, { ...signed, body: BODY.replace("text=", "text=x") }, THEN).ok).toBe(false);
    expect(verifySlackSignature(`${SECRET}0`, signed, THEN).ok).toBe(false);
    expect(verifySlackSignature(SECRET, { ...signed, signature: SIGNATURE.slice(0, -1) }, THEN).ok).toBe(false);
    expect(verifySlackSignature(SECRET, { ...signed, signature: null }, THEN).ok).toBe(false);
    expect(verifySlackSignature(SECRET, { ...signed, timestamp: "soon" }, THEN).ok).toBe(false);
  });
});
