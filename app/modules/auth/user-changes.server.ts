// What an admin changes about a person: their name, their role, whether they may use the app at
// all (disabling is offboarding), and ending all their sessions. The admin's users page and
// PATCH /api/v1/users/:id both come here. A change of access ends the person's sessions and
// closes their open event streams and editing sockets on every instance (live-access.server.ts);
// the last active admin can be neither demoted nor disabled (decision 0028).
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { isPostgres } from "~/utils/env.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import type { Actor } from "./actor.ts";
import { announceAccessChanged } from "./live-access.server.ts";
import { ROLES, type RoleName } from "./roles.ts";
import type { EndReason } from "./session-rules.ts";
import { NameField, USER_FIELDS, userJson, type UserJson } from "./users.server.ts";

const UserId = z.string().min(1).max(64);

export type UserChange = { role?: RoleName; name?: string; disabled?: boolean };
const CHANGEABLE = ["role", "name", "disabled"];

/** The API's PATCH: at least one of the three; any other field (an email, a password) is refused by name, not ignored. */
export const UserChangeSchema = z
  .looseObject({ role: z.enum(ROLES).optional(), name: NameField.optional(), disabled: z.boolean().optional() })
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!CHANGEABLE.includes(key))
        ctx.addIssue({ code: "custom", path: [key], message: "cannot be changed here (only role, name and disabled)" });
    }
    if (CHANGEABLE.every((key) => value[key] === undefined))
      ctx.addIssue({ code: "custom", path: [], message: "send at least one of role, name and disabled" });
  })
  .transform(({ role, name, disabled }): UserChange => ({ role, name, disabled }));

export const RoleChangeSchema = z.object({ userId: UserId, role: z.enum(ROLES) });
export const UserAccessSchema = z.object({ userId: UserId });
export const EndSessionsSchema = z.object({ userId: UserId });

export type ChangedField = "role" | "name" | "disabled";

/**
 * Refuses to take the admin role away from the last active admin (demoting or disabling them).
 * On Postgres the admins' rows are locked until the change commits, so two admins demoting each
 * other at the same moment cannot both see the other one still there; SQLite runs one transaction
 * at a time.
 */
async function assertAnotherActiveAdmin(tx: Tx, user: { id: string; name: string }, field: ChangedField): Promise<void> {
  if (isPostgres()) await tx.$queryRaw`SELECT "id" FROM "User" WHERE "role" = 'admin' AND "disabledAt" IS NULL FOR UPDATE`;
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: user.id } } });
  if (!others)
    fail("conflict", `${user.name} is the last active admin: make someone else an admin first.`, { [field]: "is the last active admin" });
}

async function endSessionsOf(tx: Tx, userId: string, endReason: EndReason): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), endReason } });
  return count;
}

/** Changes a person's name, role and whether they are disabled, each audited; returns them and what changed. */
export async function changeUser(actor: Actor, userId: string, input: UserChange): Promise<{ user: UserJson; changed: ChangedField[] }> {
  const outcome = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!before) notFound("User");
    const role = input.role !== undefined && input.role !== before.role ? input.role : undefined;
    const name = input.name !== undefined && input.name !== before.name ? input.name : undefined;
    const disabling = input.disabled === true && before.disabledAt === null;
    const enabling = input.disabled === false && before.disabledAt !== null;
    if (before.role === "admin" && before.disabledAt === null && (disabling || (role && role !== "admin"))) {
      await assertAnotherActiveAdmin(tx, before, disabling ? "disabled" : "role");
    }
    if (disabling && before.id === actor.userId)
      fail("conflict", "You cannot disable your own account; another admin can.", { disabled: "is your own account" });
    const entity = { entityType: "User", entityId: before.id };
    const changed: ChangedField[] = [];
    if (name !== undefined) {
      await tx.user.update({ where: { id: before.id }, data: { name } });
      await recordAudit(tx, actor, { action: "user.renamed", ...entity, before: { name: before.name }, after: { name } });
      changed.push("name");
    }
    if (role !== undefined) {
      await tx.user.update({ where: { id: before.id }, data: { role } });
      // disabling in the same change ends them as disabled, which the sign-in page says instead
      const sessionsEnded = disabling ? 0 : await endSessionsOf(tx, before.id, "role_changed");
      await recordAudit(tx, actor, {
        action: "user.role_changed",
        ...entity,
        before: { role: before.role },
        after: { role, sessionsEnded },
      });
      changed.push("role");
    }
    if (disabling || enabling) {
      await tx.user.update({ where: { id: before.id }, data: { disabledAt: disabling ? new Date() : null } });
      const sessionsEnded = disabling ? await endSessionsOf(tx, before.id, "disabled") : 0;
      await recordAudit(tx, actor, {
        action: disabling ? "user.disabled" : "user.enabled",
        ...entity,
        ...(disabling ? { after: { sessionsEnded } } : {}),
      });
      changed.push("disabled");
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: USER_FIELDS });
    return { user: userJson(user), changed, accessChanged: role !== undefined || disabling };
  });
  if (outcome.accessChanged) await announceAccessChanged(userId);
  return { user: outcome.user, changed: outcome.changed };
}

/** Signs a user out on every device (an admin's "sign out everywhere"). Returns how many ended. */
export async function endAllSessions(actor: Actor, input: z.output<typeof EndSessionsSchema>): Promise<number> {
  const count = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) notFound("User");
    const ended = await endSessionsOf(tx, user.id, "ended_by_admin");
    await recordAudit(tx, actor, { action: "user.sessions_ended", entityType: "User", entityId: user.id, after: { sessionsEnded: ended } });
    return ended;
  });
  await announceAccessChanged(input.userId);
  return count;
}
