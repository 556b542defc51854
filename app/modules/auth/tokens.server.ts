// API tokens: shown once at creation, stored as sha256, each acting as its creator with
// its own role. BOOTSTRAP_ADMIN_TOKEN lets automation start from nothing.
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import type { Actor } from "./actor.ts";
import { countTokenCreation } from "./limits.server.ts";
import { announceAccessChanged } from "./live-access.server.ts";
import { ROLES, type RoleName } from "./roles.ts";
import { newSecret, sha256 } from "./secrets.server.ts";

const TOKEN_PREFIX = "idk_";

export const NewTokenSchema = z.object({ name: z.string().trim().min(1, "must not be empty").max(100), role: z.enum(ROLES) });
export const RevokeTokenSchema = z.object({ tokenId: z.string().min(1).max(64) });

export async function createApiToken(actor: Actor, input: { name: string; role: RoleName }) {
  await countTokenCreation(actor.userId);
  const token = TOKEN_PREFIX + newSecret(24);
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.apiToken.create({ data: { id, name: input.name, role: input.role, tokenHash: sha256(token), userId: actor.userId } });
    await recordAudit(tx, actor, {
      action: "token.created",
      entityType: "ApiToken",
      entityId: id,
      after: { name: input.name, role: input.role },
    });
  });
  return { id, token, role: input.role, name: input.name };
}

/** Revokes a token; the event streams and editing sockets open with it are closed. */
export async function revokeApiToken(actor: Actor, id: string) {
  const owner = await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    if (!token || token.revokedAt) return null;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "token.revoked", entityType: "ApiToken", entityId: id, before: { name: token.name } });
    return token.userId;
  });
  if (owner) await announceAccessChanged(owner);
}

export function listApiTokens() {
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { name: true, role: true, disabledAt: true } },
    },
  });
}

/** Makes sure a token with exactly this value exists, owned by the first admin. */
export async function ensureBootstrapToken(value: string): Promise<void> {
  const tokenHash = sha256(value);
  if (await db.apiToken.findUnique({ where: { tokenHash } })) return;
  const admin = await db.user.findFirst({ where: { role: "admin", disabledAt: null }, orderBy: { createdAt: "asc" } });
  if (!admin) throw new Error("BOOTSTRAP_ADMIN_TOKEN is set but there is no admin user to own it");
  await db.$transaction(async (tx) => {
    const id = newId();
    await tx.apiToken.create({ data: { id, name: "bootstrap (BOOTSTRAP_ADMIN_TOKEN)", role: "admin", tokenHash, userId: admin.id } });
    await recordAudit(tx, null, { action: "token.bootstrapped", entityType: "ApiToken", entityId: id });
  });
}
