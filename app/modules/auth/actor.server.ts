// The one way to check a role: every loader and action calls requireActor (or
// optionalActor) with the permission it needs. A bearer token or the session cookie works.
import { redirect } from "@remix-run/node";
import { apiError } from "~/utils/http.server.ts";
import { db, unlessUnavailable } from "~/utils/db.server.ts";
import type { Actor } from "./actor.ts";
import { can, type Permission, type RoleName } from "./roles.ts";
import { clientAddress } from "./client-address.ts";
import { assertTokenAttemptsAllowed, recordFailedToken } from "./limits.server.ts";
import type { EndReason } from "./session-rules.ts";
import { clearedSessionCookie, lookUpSession, readSessionSecret } from "./session.server.ts";
import { findActiveToken } from "./tokens.server.ts";

const TOUCH_EVERY_MS = 5 * 60 * 1000;

function wantsJson(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/api/") || request.headers.has("authorization");
}

function bearer(request: Request): string | null | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * The actor behind the request, or null when nobody is signed in. A bad token is a 401; a
 * database that does not answer is the database client's 503 with a hint to retry (every
 * request asks here first, so this is where an outage is first met; decision 0027).
 */
export async function optionalActor(request: Request): Promise<Actor | null> {
  return (await lookUpActor(request)).actor;
}

type LookUp = { actor: Actor | null; ended?: EndReason };

async function lookUpActor(request: Request): Promise<LookUp> {
  const token = bearer(request);
  if (token !== undefined) {
    const address = clientAddress(request);
    assertTokenAttemptsAllowed(address);
    const row = token === null ? null : await findActiveToken(token);
    if (!row) {
      recordFailedToken(address);
      throw apiError("unauthorized", token === null ? "The Authorization header must be 'Bearer <token>'." : "The API token is not valid or has been revoked.");
    }
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await unlessUnavailable(() => db.$transaction((tx) => tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })));
    }
    return { actor: { userId: row.user.id, name: row.user.name, email: row.user.email, role: row.role as RoleName, timeZone: row.user.timeZone, tokenId: row.id, sessionId: null } };
  }
  const secret = readSessionSecret(request);
  if (!secret) return { actor: null };
  const found = await lookUpSession(secret);
  if (!found) return { actor: null };
  if ("ended" in found) return { actor: null, ended: found.ended };
  const { session } = found;
  const { user } = session;
  return { actor: { userId: user.id, name: user.name, email: user.email, role: user.role as RoleName, timeZone: user.timeZone, tokenId: null, sessionId: session.id } };
}

/** The longest page address the sign-in redirect carries back (browsers and proxies keep URLs to a few KB). */
const MAX_RETURN_LENGTH = 2_000;

export async function requireActor(request: Request, permission: Permission = "read"): Promise<Actor> {
  const { actor, ended } = await lookUpActor(request);
  if (!actor) {
    if (wantsJson(request)) throw apiError("unauthorized", ended ? "The session has ended; sign in again." : "Sign in or send an API token.");
    const url = new URL(request.url);
    // Back to the page after signing in; a query too long for a Location header is left behind.
    const back = url.pathname + url.search;
    const redirectTo = back.length <= MAX_RETURN_LENGTH ? back : url.pathname.slice(0, MAX_RETURN_LENGTH);
    const query = new URLSearchParams({ redirectTo, ...(ended ? { reason: ended } : {}) });
    // an ended session's cookie is dropped, so the sign-in page explains it once, not on every visit
    throw redirect(`/login?${query}`, ended ? { headers: { "Set-Cookie": clearedSessionCookie(request) } } : undefined);
  }
  if (!can(actor.role, permission)) {
    const message = `The ${actor.role} role may not do this (needs ${permission}).`;
    if (wantsJson(request)) throw apiError("forbidden", message);
    throw new Response(message, { status: 403, statusText: "Forbidden" });
  }
  return actor;
}
