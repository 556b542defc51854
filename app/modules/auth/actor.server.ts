// The one way to check a role: every loader and action calls requireActor (or
// optionalActor) with the permission it needs. A bearer token or the session cookie works; a
// token acts with the lower of its role and its owner's role now (principal.server.ts).
import { DomainError } from "~/utils/errors.ts";
import type { Actor } from "./actor.ts";
import { can, type Permission } from "./roles.ts";
import { clientAddress } from "./client-address.ts";
import { actorFromToken, sessionActor } from "./principal.server.ts";
import type { EndReason } from "./session-rules.ts";
import { clearedSessionCookie, lookUpSession, readSessionSecret, sentSessionCookie } from "./session.server.ts";

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

/** `unusedCookie`: a session cookie came that answers to no session (unknown, or not even readable), and is cleared. */
type LookUp = { actor: Actor | null; ended?: EndReason; unusedCookie?: boolean };

async function lookUpActor(request: Request): Promise<LookUp> {
  const token = bearer(request);
  if (token !== undefined) return { actor: await actorFromToken(token, clientAddress(request)) };
  const secret = readSessionSecret(request);
  const found = secret ? await lookUpSession(secret) : null;
  if (!found) return { actor: null, unusedCookie: sentSessionCookie(request) !== null };
  if ("ended" in found) return { actor: null, ended: found.ended };
  return { actor: sessionActor(found.session) };
}

/** The longest page address the sign-in redirect carries back (browsers and proxies keep URLs to a few KB). */
const MAX_RETURN_LENGTH = 2_000;

export async function requireActor(request: Request, permission: Permission = "read"): Promise<Actor> {
  const { actor, ended, unusedCookie } = await lookUpActor(request);
  if (!actor) {
    // A cookie no session answers is dropped. An ended session's cookie is dropped by the page that
    // sends its browser to sign in (with the reason, said once), not by the API, which cannot say why.
    const unusable = unusedCookie ? { "Set-Cookie": clearedSessionCookie(request) } : undefined;
    if (wantsJson(request)) {
      const message = ended ? "The session has ended; sign in again." : "Sign in or send an API token.";
      throw new DomainError("unauthorized", message, {}, { clearSessionCookie: unusable?.["Set-Cookie"] });
    }
    const clear = ended ? { "Set-Cookie": clearedSessionCookie(request) } : unusable;
    const url = new URL(request.url);
    // Back to the page after signing in; a query too long for a Location header is left behind.
    const back = url.pathname + url.search;
    const redirectTo = back.length <= MAX_RETURN_LENGTH ? back : url.pathname.slice(0, MAX_RETURN_LENGTH);
    const query = new URLSearchParams({ redirectTo, ...(ended ? { reason: ended } : {}) });
    throw new DomainError(
      "unauthorized",
      "Sign in to see this page.",
      {},
      { clearSessionCookie: clear?.["Set-Cookie"], signIn: `/login?${query}` },
    );
  }
  if (!can(actor.role, permission)) {
    const message = `The ${actor.role} role may not do this (needs ${permission}).`;
    throw new DomainError("forbidden", message);
  }
  return actor;
}
