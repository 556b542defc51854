// People: signing in, and the admin's list of users and their roles.
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import type { Actor } from "./actor.ts";
import { assertPasswordAllowed } from "./common-passwords.server.ts";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./password.server.ts";
import { ROLES } from "./roles.ts";
import { activeSinceCutoff } from "./session-rules.ts";
import { sessionLimits } from "./session.server.ts";

/** Long enough for any allowed password; the rules themselves are in password-rules.ts. */
export const PasswordField = z.string().min(1, "must not be empty").max(1000, "must be at most 200 characters");

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  password: PasswordField,
  redirectTo: z.string().optional(),
});

export const NewUserSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(120),
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  role: z.enum(ROLES),
  password: PasswordField,
});

export const RoleChangeSchema = z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES) });
export const EndSessionsSchema = z.object({ userId: z.string().min(1).max(64) });

/** Signs a user out on every device (an admin's "sign out everywhere"). Returns how many ended. */
export async function endAllSessions(actor: Actor, input: z.output<typeof EndSessionsSchema>): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) fail("not_found", "User not found.");
    const { count } = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date(), endReason: "ended_by_admin" } });
    await recordAudit(tx, actor, { action: "user.sessions_ended", entityType: "User", entityId: user.id, after: { sessionsEnded: count } });
    return count;
  });
}

/** The user for this email and password, or null; unknown emails take as long as wrong passwords. */
export async function authenticate(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.disabledAt) return verifyAgainstNothing(password).then(() => null);
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}

/** The sessions still in use: not ended, not past their lifetime, not idle. */
export function activeSessionsWhere(now = new Date()) {
  return { revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gte: activeSinceCutoff(sessionLimits(), now) } };
}

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      timeZone: true,
      createdAt: true,
      disabledAt: true,
      _count: { select: { sessions: { where: activeSessionsWhere() } } },
    },
  });
}

/** Creates a user; `actor` is null when an operator runs `npm run user:create`. */
export async function createUser(actor: Actor | null, input: z.output<typeof NewUserSchema>) {
  assertPasswordAllowed(input.password, input);
  if (await db.user.findUnique({ where: { email: input.email } })) {
    fail("conflict", "A user with this email already exists.", { email: "already in use" });
  }
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.user.create({ data: { id, name: input.name, email: input.email, role: input.role, passwordHash } });
    await recordAudit(tx, actor, { action: "user.created", entityType: "User", entityId: id, after: { name: input.name, email: input.email, role: input.role } });
  });
  return id;
}

/** Changes a role; the user's sessions end so the new role is in force at once. False when it already was that role. */
export async function changeRole(actor: Actor, input: z.output<typeof RoleChangeSchema>): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) fail("not_found", "User not found.");
    if (user.role === input.role) return false;
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin", disabledAt: null } })) <= 1) {
      fail("conflict", "The last admin cannot lose the admin role.", { role: "last admin" });
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date(), endReason: "role_changed" } });
    await recordAudit(tx, actor, { action: "user.role_changed", entityType: "User", entityId: user.id, before: { role: user.role }, after: { role: input.role } });
    return true;
  });
}

/** People who can hold an incident role (commander, comms lead, scribe). */
export function listResponders() {
  return db.user.findMany({ where: { disabledAt: null, role: { not: "viewer" } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
}
