// The first public update's minutes per severity (first-update.ts): edited by admins on
// /admin/settings and at /api/v1/first-update-targets, read by the room and the comms tab.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { db } from "~/utils/db.server.ts";
import { DEFAULT_FIRST_UPDATE_MINUTES, type FirstUpdateTargets } from "./first-update.ts";

const SELECT = {
  firstUpdateMinutesSev1: true,
  firstUpdateMinutesSev2: true,
  firstUpdateMinutesSev3: true,
  firstUpdateMinutesSev4: true,
} as const;

type Row = { [K in keyof typeof SELECT]: number | null };

const targetsOf = (org: Row): FirstUpdateTargets => ({
  SEV1: org.firstUpdateMinutesSev1,
  SEV2: org.firstUpdateMinutesSev2,
  SEV3: org.firstUpdateMinutesSev3,
  SEV4: org.firstUpdateMinutesSev4,
});

export async function getFirstUpdateTargets(): Promise<FirstUpdateTargets> {
  const org = await db.organization.findUnique({ where: { id: "org" }, select: SELECT });
  return org ? targetsOf(org) : DEFAULT_FIRST_UPDATE_MINUTES;
}

export async function saveFirstUpdateTargets(actor: Actor, targets: FirstUpdateTargets): Promise<FirstUpdateTargets> {
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: "org" }, select: SELECT });
    await tx.organization.update({
      where: { id: "org" },
      data: {
        firstUpdateMinutesSev1: targets.SEV1,
        firstUpdateMinutesSev2: targets.SEV2,
        firstUpdateMinutesSev3: targets.SEV3,
        firstUpdateMinutesSev4: targets.SEV4,
      },
    });
    await recordAudit(tx, actor, {
      action: "settings.first_update_targets_updated",
      entityType: "Organization",
      entityId: "org",
      before: targetsOf(before),
      after: targets,
    });
  });
  return getFirstUpdateTargets();
}

/** What the room's header needs to count down in the browser: the minutes, the server's clock, and whether the reader may draft. */
export async function firstUpdateClock(actor: Actor) {
  return { minutes: await getFirstUpdateTargets(), serverNow: new Date().toISOString(), canDraft: can(actor.role, "update:draft") };
}
