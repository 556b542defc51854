import { describe, expect, it } from "vitest";
import { describeBrowser, endedSessionMessage, sessionEnded } from "./session-rules.ts";

const HOUR = 60 * 60 * 1000;
const now = new Date("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const limits = { idleMs: 12 * HOUR };
const live = { lastSeenAt: ago(HOUR), expiresAt: new Date(now.getTime() + 24 * HOUR), revokedAt: null, endReason: null };

describe("sessionEnded", () => {
  it("keeps a recently used session", () => {
    expect(sessionEnded(live, limits, now)).toBeNull();
  });

  it("never ends a session before the idle time, and always by idle time plus the touch interval", () => {
    expect(sessionEnded({ ...live, lastSeenAt: ago(12 * HOUR) }, limits, now)).toBeNull();
    expect(sessionEnded({ ...live, lastSeenAt: ago(12 * HOUR + 5 * 60 * 1000) }, limits, now)).toBeNull();
    expect(sessionEnded({ ...live, lastSeenAt: ago(12 * HOUR + 5 * 60 * 1000 + 1) }, limits, now)).toBe("idle");
  });

  it("ends a session at its absolute expiry however active it is", () => {
    expect(sessionEnded({ ...live, lastSeenAt: now, expiresAt: now }, limits, now)).toBe("expired");
  });

  it("gives the reason a revoked session was ended, signed out when none was kept", () => {
    expect(sessionEnded({ ...live, revokedAt: ago(1), endReason: "role_changed" }, limits, now)).toBe("role_changed");
    expect(sessionEnded({ ...live, revokedAt: ago(1), endReason: null }, limits, now)).toBe("signed_out");
  });
});

describe("endedSessionMessage", () => {
  it("says why, with the configured limits", () => {
    expect(endedSessionMessage("idle", { idleHours: 12, lifetimeDays: 14 })).toMatch(/12 hours without activity/);
    expect(endedSessionMessage("expired", { idleHours: 12, lifetimeDays: 14 })).toMatch(/14-day limit/);
    expect(endedSessionMessage("role_changed", { idleHours: 12, lifetimeDays: 14 })).toMatch(/changed your role/);
    expect(endedSessionMessage("anything else", { idleHours: 12, lifetimeDays: 14 })).toBeNull();
  });
});

describe("describeBrowser", () => {
  it("names common browsers and systems", () => {
    expect(describeBrowser("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36")).toBe(
      "Chrome on Linux",
    );
    expect(
      describeBrowser(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      ),
    ).toBe("Safari on macOS");
    expect(describeBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe("Firefox on Windows");
    expect(
      describeBrowser(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      ),
    ).toBe("Edge on Windows");
    expect(
      describeBrowser(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iOS");
    expect(describeBrowser(null)).toBe("Unknown browser");
    expect(describeBrowser("node")).toBe("A script (Node.js)");
  });
});
