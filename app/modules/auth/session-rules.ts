// When a session is over, and how to name the browser it belongs to. Pure, so the rules are
// tested without a database.

/** lastSeenAt is written at most this often, so reading a page does not always write. */
export const SESSION_TOUCH_EVERY_MS = 5 * 60 * 1000;

export const END_REASONS = [
  "signed_out",
  "rotated",
  "ended_by_user",
  "ended_by_admin",
  "role_changed",
  "password_changed",
  "disabled",
  "idle",
  "expired",
] as const;
export type EndReason = (typeof END_REASONS)[number];

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null; endReason: string | null };
export type SessionLimits = { idleMs: number };

/**
 * Null while the session may be used, else why it ended. lastSeenAt lags the last request by
 * up to SESSION_TOUCH_EVERY_MS, so the idle check adds that much: nobody is signed out before
 * `idleMs` without a request, and everybody is by `idleMs` + 5 minutes.
 */
export function sessionEnded(session: SessionTimes, limits: SessionLimits, now: Date): EndReason | null {
  if (session.revokedAt)
    return (END_REASONS as readonly string[]).includes(session.endReason ?? "") ? (session.endReason as EndReason) : "signed_out";
  if (session.expiresAt.getTime() <= now.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > limits.idleMs + SESSION_TOUCH_EVERY_MS) return "idle";
  return null;
}

/** The oldest lastSeenAt a session may have and still be in use (for counting active sessions in a query). */
export function activeSinceCutoff(limits: SessionLimits, now: Date): Date {
  return new Date(now.getTime() - limits.idleMs - SESSION_TOUCH_EVERY_MS);
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > SESSION_TOUCH_EVERY_MS;
}

/** What the sign-in page says to someone whose session ended, by reason. */
export function endedSessionMessage(reason: string | null | undefined, limits: { idleHours: number; lifetimeDays: number }): string | null {
  switch (reason) {
    case "idle":
      return `You were signed out after ${limits.idleHours} hours without activity. Sign in again to continue.`;
    case "expired":
      return `Your session reached its ${limits.lifetimeDays}-day limit. Sign in again to continue.`;
    case "role_changed":
      return "An admin changed your role, so you were signed out. Sign in again to continue with the new role.";
    case "ended_by_admin":
      return "An admin ended your sessions. Sign in again to continue.";
    case "ended_by_user":
      return "This session was ended from your account page (perhaps on another device). Sign in again to continue.";
    case "password_changed":
      return "Your password was changed, so your other sessions were ended. Sign in with the new password.";
    case "disabled":
      return "An admin disabled your account, so you were signed out. Ask an admin if you need access again.";
    default:
      return null;
  }
}

/** "Firefox on Linux" from a user agent; enough to tell one's devices apart, not a fingerprint. */
export function describeBrowser(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown browser";
  const ua = userAgent;
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /Firefox\/|FxiOS\//.test(ua)
        ? "Firefox"
        : /Chrome\/|CriOS\/|Chromium\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua) && /Version\//.test(ua)
            ? "Safari"
            : /^curl\//.test(ua)
              ? "curl"
              : /node|undici/i.test(ua)
                ? "A script (Node.js)"
                : null;
  const system = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : "Unknown browser");
}
