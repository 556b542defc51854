// Who a request acts as, and with which role: the one place that turns an API token or a session
// into an Actor. The API, the pages and downloads (requireActor), /metrics, /collab, and the
// checks of open event streams and editing sockets all ask here, so everywhere a token acts with
// the lower of its own role and its owner's role now (roles.ts, actingRole), a disabled person's
// token or session acts as no one, and a wrong token counts against its address in one limit.
import { DomainError } from "~/utils/errors.ts";
import { db, unlessUnavailable } from "~/utils/db.server.ts";
import { userActor, type Actor } from "./actor.ts";
import { assertTokenAttemptsAllowed, recordFailedToken } from "./limits.server.ts";
import { actingRole, type RoleName } from "./roles.ts";
import { sessionEnded } from "./session-rules.ts";
import { sha256 } from "./secrets.server.ts";
import { sessionLimits, type FoundSession } from "./session.server.ts";

const TOUCH_EVERY_MS = 5 * 60 * 1000;
/** Principals read back in one query each at most this many at a time (SQLite's bound variables). */
const READ_AT_ONCE = 500;

/** The token row for this secret while it may act: not revoked, its owner not disabled. */
async function findActiveToken(token: string) {
  const row = await db.apiToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  return row;
}

export function sessionActor({ id, user }: FoundSession): Actor {
  return userActor(user, { sessionId: id });
}

/**
 * The actor for a bearer token (null: the Authorization header was not `Bearer <token>`). Throws
 * the API's 429 while the address has sent too many wrong tokens, and its 401 for a token that
 * acts as no one (unknown, revoked, its owner disabled), counting it against the address.
 */
export async function actorFromToken(token: string | null, address: string): Promise<Actor> {
  await assertTokenAttemptsAllowed(address);
  const row = token === null ? null : await findActiveToken(token);
  if (!row) {
    await recordFailedToken(address);
    throw new DomainError(
      "unauthorized",
      token === null ? "The Authorization header must be 'Bearer <token>'." : "The API token is not valid or has been revoked.",
    );
  }
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await unlessUnavailable(() => db.$transaction((tx) => tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })));
  }
  const { user } = row;
  return userActor(user, { role: actingRole(row.role as RoleName, user.role as RoleName), tokenId: row.id });
}

function inBatches<T>(items: T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += READ_AT_ONCE) batches.push(items.slice(i, i + READ_AT_ONCE));
  return batches;
}

/** The role each actor's session or token acts with now; null where it acts no more (ended, revoked, its person disabled). */
export async function actingRolesNow(actors: readonly Actor[]): Promise<Map<Actor, RoleName | null>> {
  const sessionIds = [...new Set(actors.flatMap((a) => (a.sessionId ? [a.sessionId] : [])))];
  const tokenIds = [...new Set(actors.flatMap((a) => (a.tokenId ? [a.tokenId] : [])))];
  const user = { select: { role: true, disabledAt: true } } as const;
  const now = new Date();
  const bySession = new Map<string, RoleName | null>();
  const byToken = new Map<string, RoleName | null>();
  for (const ids of inBatches(sessionIds)) {
    const rows = await db.session.findMany({
      where: { id: { in: ids } },
      select: { id: true, lastSeenAt: true, expiresAt: true, revokedAt: true, endReason: true, user },
    });
    for (const row of rows)
      bySession.set(row.id, row.user.disabledAt || sessionEnded(row, sessionLimits(), now) ? null : (row.user.role as RoleName));
  }
  for (const ids of inBatches(tokenIds)) {
    const rows = await db.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, role: true, revokedAt: true, user } });
    for (const row of rows)
      byToken.set(row.id, row.revokedAt || row.user.disabledAt ? null : actingRole(row.role as RoleName, row.user.role as RoleName));
  }
  return new Map(actors.map((a) => [a, (a.tokenId ? byToken.get(a.tokenId) : a.sessionId ? bySession.get(a.sessionId) : null) ?? null]));
}
