// The organisation's "the incident's commander may publish" setting (publish-permission.ts):
// off by default, switched by admins on /admin/settings, audited.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { z } from "zod";

/** The form's checkbox: sent as "on" when ticked, absent when not; the hidden intent carries the rest. */
export const CommanderMayPublishSchema = z.object({
  commanderMayPublish: z.enum(["on", "off"], { message: "must be on or off" }),
});

export async function getCommanderMayPublish(): Promise<boolean> {
  const org = await db.$transaction((tx) => tx.organization.findUnique({ where: { id: "org" }, select: { commanderMayPublish: true } }));
  return org?.commanderMayPublish ?? false;
}

export async function saveCommanderMayPublish(actor: Actor, allowed: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: "org" }, select: { commanderMayPublish: true } });
    if (before.commanderMayPublish === allowed) return;
    await tx.organization.update({ where: { id: "org" }, data: { commanderMayPublish: allowed } });
    await recordAudit(tx, actor, {
      action: "settings.commander_may_publish_updated",
      entityType: "Organization",
      entityId: "org",
      before: { commanderMayPublish: before.commanderMayPublish },
      after: { commanderMayPublish: allowed },
    });
  });
}
