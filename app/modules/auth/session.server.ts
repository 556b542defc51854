// Sessions live in the database; the cookie carries a random secret whose sha256 finds
// the row. Signing in always makes a new session (rotation) and ends the one it replaces.
// A session ends after SESSION_IDLE_HOURS without a request or SESSION_LIFETIME_DAYS after
// signing in, whichever comes first (session-rules.ts).
import { db, unlessUnavailable } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { newId } from "~/utils/ids.ts";
import { newSecret, sha256 } from "./secrets.server.ts";
import { needsTouch, sessionEnded, type EndReason, type SessionLimits } from "./session-rules.ts";

export const SESSION_COOKIE = "__session";

const HOUR_MS = 60 * 60 * 1000;

export function sessionLimits(): SessionLimits & { lifetimeMs: number; idleHours: number; lifetimeDays: number } {
  const { SESSION_IDLE_HOURS, SESSION_LIFETIME_DAYS } = env();
  return {
    idleMs: SESSION_IDLE_HOURS * HOUR_MS,
    lifetimeMs: SESSION_LIFETIME_DAYS * 24 * HOUR_MS,
    idleHours: SESSION_IDLE_HOURS,
    lifetimeDays: SESSION_LIFETIME_DAYS,
  };
}

/** The session cookie's value as the client sent it, if it sent one (a cookie no session answers is cleared). */
export function sentSessionCookie(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=");
  }
  return null;
}

/** The secret in the session cookie; a cookie that is not valid percent-encoding is no session (never a 500). */
export function readSessionSecret(request: Request): string | null {
  const sent = sentSessionCookie(request);
  if (!sent) return null;
  try {
    return decodeURIComponent(sent);
  } catch {
    return null;
  }
}

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export function sessionCookie(request: Request, secret: string, expiresAt: Date): string {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${SESSION_COOKIE}=${encodeURIComponent(secret)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookie(request: Request): string {
  const secure = isHttps(request) ? "; Secure" : "";
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure}`;
}

export async function startSession(userId: string, request: Request): Promise<{ cookie: string; sessionId: string }> {
  const previous = readSessionSecret(request);
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + sessionLimits().lifetimeMs);
  const id = newId();
  await db.$transaction(async (tx) => {
    if (previous) {
      await tx.session.updateMany({
        where: { secretHash: sha256(previous), revokedAt: null },
        data: { revokedAt: new Date(), endReason: "rotated" },
      });
    }
    await tx.session.create({
      data: { id, secretHash: sha256(secret), userId, expiresAt, userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null },
    });
  });
  return { cookie: sessionCookie(request, secret, expiresAt), sessionId: id };
}

async function sessionBySecret(secret: string) {
  return db.session.findUnique({ where: { secretHash: sha256(secret) }, include: { user: true } });
}
export type FoundSession = NonNullable<Awaited<ReturnType<typeof sessionBySecret>>>;

/** The session for this cookie secret; or why it ended (its user disabled, for one); or null when there never was one. */
export async function lookUpSession(secret: string): Promise<{ session: FoundSession } | { ended: EndReason } | null> {
  const session = await sessionBySecret(secret);
  if (!session) return null;
  if (session.user.disabledAt) return { ended: "disabled" };
  const now = new Date();
  const ended = sessionEnded(session, sessionLimits(), now);
  if (ended) return { ended };
  if (needsTouch(session.lastSeenAt, now)) {
    await unlessUnavailable(() => db.$transaction((tx) => tx.session.update({ where: { id: session.id }, data: { lastSeenAt: now } })));
  }
  return { session };
}

/** Signs out: ends this browser's session. Returns whose it was, so their open streams can be told. */
export async function endSession(request: Request): Promise<string | null> {
  const secret = readSessionSecret(request);
  if (!secret) return null;
  return db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { secretHash: sha256(secret) },
      select: { id: true, userId: true, revokedAt: true },
    });
    if (!session || session.revokedAt) return null;
    await tx.session.update({ where: { id: session.id }, data: { revokedAt: new Date(), endReason: "signed_out" } });
    return session.userId;
  });
}
