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
  return { idleMs: SESSION_IDLE_HOURS * HOUR_MS, lifetimeMs: SESSION_LIFETIME_DAYS * 24 * HOUR_MS, idleHours: SESSION_IDLE_HOURS, lifetimeDays: SESSION_LIFETIME_DAYS };
}

export function readSessionSecret(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
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
      await tx.session.updateMany({ where: { secretHash: sha256(previous), revokedAt: null }, data: { revokedAt: new Date(), endReason: "rotated" } });
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
type FoundSession = NonNullable<Awaited<ReturnType<typeof sessionBySecret>>>;

/** The session for this cookie secret; or why it ended; or null when there never was one (or its user is disabled). */
export async function lookUpSession(secret: string): Promise<{ session: FoundSession } | { ended: EndReason } | null> {
  const session = await sessionBySecret(secret);
  if (!session || session.user.disabledAt) return null;
  const now = new Date();
  const ended = sessionEnded(session, sessionLimits(), now);
  if (ended) return { ended };
  if (needsTouch(session.lastSeenAt, now)) {
    await unlessUnavailable(() => db.$transaction((tx) => tx.session.update({ where: { id: session.id }, data: { lastSeenAt: now } })));
  }
  return { session };
}

export async function findSession(secret: string): Promise<FoundSession | null> {
  const found = await lookUpSession(secret);
  return found && "session" in found ? found.session : null;
}

export async function endSession(request: Request): Promise<void> {
  const secret = readSessionSecret(request);
  if (!secret) return;
  await db.$transaction((tx) =>
    tx.session.updateMany({ where: { secretHash: sha256(secret), revokedAt: null }, data: { revokedAt: new Date(), endReason: "signed_out" } }),
  );
}
