// A person's own account: the sessions they have open (and ending them), and changing their
// password. Everything here is scoped to the signed-in user; an admin ends other people's
// sessions from the users page (users.server.ts).
import { DomainError } from "~/utils/errors.ts";
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import type { Actor } from "./actor.ts";
import { assertPasswordAllowed } from "./common-passwords.server.ts";
import { recordFailedSignIn, recordSignIn, signInRefusal } from "./limits.server.ts";
import { announceAccessChanged } from "./live-access.server.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";
import { describeBrowser } from "./session-rules.ts";
import { activeSessionsWhere, PasswordField } from "./users.server.ts";

export const EndSessionSchema = z.object({ sessionId: z.string().min(1).max(64) });
export const ChangePasswordSchema = z
  .object({ currentPassword: PasswordField, newPassword: PasswordField, confirmPassword: z.string().max(1000) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "does not match the new password" });

/** The account pages work with a browser session; an API token has no sessions or password to manage. */
export function sessionOf(actor: Actor): string {
  if (!actor.sessionId)
    fail("forbidden", "Your account's sessions and password are managed when signed in with a browser, not with an API token.");
  return actor.sessionId;
}

export async function listMySessions(actor: Actor) {
  const current = sessionOf(actor);
  const rows = await db.session.findMany({
    where: { userId: actor.userId, ...activeSessionsWhere() },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
  });
  return rows
    .map(({ userAgent, ...row }) => ({ ...row, browser: describeBrowser(userAgent), current: row.id === current }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of my other sessions; someone else's session is refused with 403. */
export async function endMySession(actor: Actor, input: z.output<typeof EndSessionSchema>): Promise<void> {
  const current = sessionOf(actor);
  if (input.sessionId === current)
    fail("conflict", "This is the session you are using: sign out instead.", { sessionId: "is this session" });
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: input.sessionId }, select: { id: true, userId: true, revokedAt: true } });
    if (!session) fail("not_found", "Session not found.");
    if (session.userId !== actor.userId)
      fail("forbidden", "You may end only your own sessions; an admin ends other people's on Admin → Users.");
    if (session.revokedAt) return;
    await tx.session.update({ where: { id: session.id }, data: { revokedAt: new Date(), endReason: "ended_by_user" } });
    await recordAudit(tx, actor, { action: "session.ended", entityType: "Session", entityId: session.id, after: { userId: actor.userId } });
  });
  await announceAccessChanged(actor.userId);
}

/** Ends every session of mine except this one. Returns how many ended. */
export async function endMyOtherSessions(actor: Actor): Promise<number> {
  const current = sessionOf(actor);
  const ended = await db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { userId: actor.userId, revokedAt: null, id: { not: current } },
      data: { revokedAt: new Date(), endReason: "ended_by_user" },
    });
    await recordAudit(tx, actor, {
      action: "user.other_sessions_ended",
      entityType: "User",
      entityId: actor.userId,
      after: { sessionsEnded: count },
    });
    return count;
  });
  await announceAccessChanged(actor.userId);
  return ended;
}

/**
 * Sets a new password after checking the current one (wrong guesses count against the
 * account's sign-in limit), and ends every other session of the account.
 */
export async function changeMyPassword(
  actor: Actor,
  address: string,
  input: z.output<typeof ChangePasswordSchema>,
): Promise<{ sessionsEnded: number }> {
  const current = sessionOf(actor);
  const refused = await signInRefusal(actor.email, address);
  if (refused)
    throw new DomainError(
      "rate_limited",
      refused.message,
      { currentPassword: "too many wrong attempts" },
      { retryAfter: refused.retryAfterSeconds },
    );
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordFailedSignIn(actor.email, address);
    fail("invalid", "The current password is not correct.", { currentPassword: "is not correct" });
  }
  await recordSignIn(actor.email);
  assertPasswordAllowed(input.newPassword, user, "newPassword");
  if (input.newPassword === input.currentPassword)
    fail("invalid", "The new password is the current one.", { newPassword: "must differ from the current password" });
  const passwordHash = await hashPassword(input.newPassword);
  const outcome = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: current } },
      data: { revokedAt: new Date(), endReason: "password_changed" },
    });
    await recordAudit(tx, actor, {
      action: "user.password_changed",
      entityType: "User",
      entityId: user.id,
      after: { otherSessionsEnded: count },
    });
    return { sessionsEnded: count };
  });
  await announceAccessChanged(user.id);
  return outcome;
}
