// Sessions live in the database; the cookie carries a random secret whose sha256 finds
// the row. Signing in always makes a new session (rotation) and ends the one it replaces.
import { db } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { newSecret, sha256 } from "./secrets.server.ts";

export const SESSION_COOKIE = "__session";
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

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
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  const id = newId();
  await db.$transaction(async (tx) => {
    if (previous) {
      await tx.session.updateMany({ where: { secretHash: sha256(previous), revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await tx.session.create({
      data: { id, secretHash: sha256(secret), userId, expiresAt, userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null },
    });
  });
  return { cookie: sessionCookie(request, secret, expiresAt), sessionId: id };
}

export async function findSession(secret: string) {
  const session = await db.session.findUnique({ where: { secretHash: sha256(secret) }, include: { user: true } });
  if (!session || session.revokedAt || session.expiresAt <= new Date() || session.user.disabledAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.$transaction((tx) => tx.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } }));
  }
  return session;
}

export async function endSession(request: Request): Promise<void> {
  const secret = readSessionSecret(request);
  if (!secret) return;
  await db.$transaction((tx) =>
    tx.session.updateMany({ where: { secretHash: sha256(secret), revokedAt: null }, data: { revokedAt: new Date() } }),
  );
}
