// Claiming one due delivery of a channel for this worker: the oldest queued or failed one whose
// time has come, leased for DELIVERY_LEASE_MS. Webhooks and Slack claim one request at a time.
import { randomUUID } from "node:crypto";
import { db } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";

export async function claimOneDelivery(channel: "webhook" | "slack", now: Date): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const due = await tx.delivery.findFirst({
      where: { channel, state: { in: ["queued", "failed"] }, nextAttemptAt: { lte: now } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    if (!due) return null;
    const claim = randomUUID();
    const claimed = await tx.delivery.updateMany({
      where: { id: due.id, state: { in: ["queued", "failed"] } },
      data: { state: "sending", claim, leaseUntil: new Date(now.getTime() + env().DELIVERY_LEASE_MS) },
    });
    return claimed.count ? claim : null;
  });
}
