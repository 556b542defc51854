// People: signing in, and the admin's list of users. Changes to someone's access (role,
// disabling, ending their sessions) are in user-changes.server.ts.
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import type { Actor } from "./actor.ts";
import { assertPasswordAllowed } from "./common-passwords.server.ts";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./password.server.ts";
import { ROLES, type RoleName } from "./roles.ts";
import { newSecret } from "./secrets.server.ts";
import { activeSinceCutoff } from "./session-rules.ts";
import { sessionLimits } from "./session.server.ts";

/** Long enough for any allowed password; the rules themselves are in password-rules.ts. */
export const PasswordField = z.string().min(1, "must not be empty").max(1000, "must be at most 200 characters");

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  password: PasswordField,
  redirectTo: z.string().optional(),
});

export const NameField = z.string().trim().min(1, "must not be empty").max(120);

/** Without a password, one is made and handed back once (the API's invitation). */
export const NewUserSchema = z.object({
  name: NameField,
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  role: z.enum(ROLES),
  password: PasswordField.optional(),
});

/** What the API shows of a person: never the password hash. */
export const USER_FIELDS = { id: true, name: true, email: true, role: true, timeZone: true, createdAt: true, disabledAt: true } as const;

type UserRow = { id: string; name: string; email: string; role: string; timeZone: string; createdAt: Date; disabledAt: Date | null };

export function userJson({ id, name, email, role, timeZone, createdAt, disabledAt }: UserRow) {
  return { id, name, email, role: role as RoleName, timeZone, createdAt, disabled: disabledAt !== null, disabledAt };
}
export type UserJson = ReturnType<typeof userJson>;

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

/** Everyone, with how many sessions each has in use. */
export async function listUsers(): Promise<(UserJson & { activeSessions: number })[]> {
  const users = await db.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { ...USER_FIELDS, _count: { select: { sessions: { where: activeSessionsWhere() } } } },
  });
  return users.map((user) => ({ ...userJson(user), activeSessions: user._count.sessions }));
}

/**
 * Creates a user; `actor` is null when an operator runs `npm run user:create`. Without a password
 * a strong one is made: `oneTimePassword` is the only time anyone sees it (it is stored hashed).
 */
export async function createUser(
  actor: Actor | null,
  input: z.output<typeof NewUserSchema>,
): Promise<{ user: UserJson; oneTimePassword: string | null }> {
  const oneTimePassword = input.password === undefined ? newSecret(18) : null;
  const password = input.password ?? oneTimePassword!;
  assertPasswordAllowed(password, input);
  if (await db.user.findUnique({ where: { email: input.email } })) {
    fail("conflict", "A user with this email already exists.", { email: "already in use" });
  }
  const passwordHash = await hashPassword(password);
  const id = newId();
  const user = await db.$transaction(async (tx) => {
    const data = { id, name: input.name, email: input.email, role: input.role, passwordHash };
    const created = await tx.user.create({ data, select: USER_FIELDS });
    const after = { name: input.name, email: input.email, role: input.role, password: oneTimePassword ? "generated" : "chosen" };
    await recordAudit(tx, actor, { action: "user.created", entityType: "User", entityId: id, after });
    return created;
  });
  return { user: userJson(user), oneTimePassword };
}

/** People who can hold an incident role (commander, comms lead, scribe). */
export function listResponders() {
  return db.user.findMany({
    where: { disabledAt: null, role: { not: "viewer" } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}
