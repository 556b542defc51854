// A person's time zone: everything on a signed-in page is shown in it and the milestone inputs
// are read in it (decision 0040). Set by the person on the account page, or by an admin on
// Admin → Users; each change is audited.
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { TimeZoneField } from "~/utils/time-zones.ts";
import type { Actor } from "./actor.ts";
import { can } from "./roles.ts";

export const TimeZoneChangeSchema = z.object({ userId: z.string().min(1).max(64), timeZone: TimeZoneField });

/** Sets `userId`'s zone: their own, or anyone's for an admin. Returns the zone stored. */
export async function setTimeZone(actor: Actor, input: z.output<typeof TimeZoneChangeSchema>): Promise<string> {
  if (input.userId !== actor.userId && !can(actor.role, "admin:users"))
    fail("forbidden", "Only an admin can set someone else's time zone.");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, timeZone: true } });
    if (!before) notFound("User");
    if (before.timeZone === input.timeZone) return before.timeZone;
    await tx.user.update({ where: { id: before.id }, data: { timeZone: input.timeZone } });
    await recordAudit(tx, actor, {
      action: "user.time_zone_changed",
      entityType: "User",
      entityId: before.id,
      before: { timeZone: before.timeZone },
      after: { timeZone: input.timeZone },
    });
    return input.timeZone;
  });
}
