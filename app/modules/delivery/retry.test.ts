import { describe, expect, it } from "vitest";
import { backoffMs, classify, MAX_ATTEMPTS, nextStep, retryAfterMs } from "./retry.ts";

describe("delivery retries", () => {
  it("wait longer after each failure, never beyond the cap", () => {
    expect(backoffMs(1, () => 1)).toBe(2_000);
    expect(backoffMs(3, () => 1)).toBe(8_000);
    expect(backoffMs(30, () => 1)).toBe(15 * 60_000);
    expect(backoffMs(3, () => 0)).toBe(250);
  });

  it("honour Retry-After in seconds or as a date", () => {
    expect(retryAfterMs("3")).toBe(3_000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(10_000);
    expect(retryAfterMs("soon")).toBeNull();
  });

  it("tell a rate limit, a passing failure and a refusal apart", () => {
    expect(classify(429, "slow down", "2")).toEqual({ kind: "rate-limited", waitMs: 2_000, error: "slow down" });
    expect(classify(503, "down", null).kind).toBe("retry");
    expect(classify(null, "ECONNRESET", null).kind).toBe("retry");
    expect(classify(422, "bad from address", null).kind).toBe("refused");
  });

  it("gives up after the last attempt: the delivery goes to the dead letters", () => {
    expect(nextStep(1, 0, () => 1)).toEqual({ state: "failed", nextAttemptAt: new Date(2_000) });
    expect(nextStep(MAX_ATTEMPTS, 0)).toEqual({ state: "dead" });
  });
});
