// The outbox: deliveries are written in the same transaction as what they announce, so a
// published update always has its notices queued, and a rolled-back one has none. Emails to
// the subscribers of one update are grouped 100 to a batch; the batch key is also the email
// provider's idempotency key, so a batch sent twice (a worker killed mid-send) arrives once.
import { Prisma } from "~/generated/prisma-sqlite/client.ts";
import type { Tx } from "~/utils/db.server.ts";
import { isPostgres } from "~/utils/env.server.ts";
import { newId } from "~/utils/ids.ts";

export const BATCH_SIZE = 100;

export async function enqueueConfirmation(tx: Tx, subscriber: { id: string; email: string }): Promise<void> {
  const id = newId();
  await tx.delivery.create({
    data: {
      id,
      kind: "confirmation",
      channel: "email",
      subscriberId: subscriber.id,
      recipient: subscriber.email,
      batchKey: `confirmation/${id}`,
    },
  });
}

/**
 * Queues the notice of a published update for every confirmed subscriber who asked for one of
 * these components (or for all) and has neither left nor hard-bounced, in one INSERT … SELECT:
 * 100,000 subscribers must not hold the publishing transaction for long. Returns how many were
 * queued.
 */
export async function enqueueNotices(tx: Tx, updateId: string, componentIds: string[]): Promise<number> {
  const now = new Date();
  const batchPrefix = `update/${updateId}/email/`;
  const components = componentIds.length ? componentIds : ["-"];
  if (isPostgres()) {
    return tx.$executeRaw`
      INSERT INTO "Delivery" ("id", "updateId", "kind", "channel", "subscriberId", "recipient", "batchKey", "state", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
      SELECT substr(replace(gen_random_uuid()::text, '-', ''), 1, 16), ${updateId}, 'notice', 'email'::"DeliveryChannel", s."id", s."email",
             ${batchPrefix} || ((ROW_NUMBER() OVER (ORDER BY s."id") - 1) / ${Prisma.raw(String(BATCH_SIZE))})::text,
             'queued'::"DeliveryState", 0, ${now}, ${now}, ${now}
      FROM "Subscriber" s
      WHERE s."confirmedAt" IS NOT NULL AND s."unsubscribedAt" IS NULL AND s."bouncedAt" IS NULL
        AND (NOT EXISTS (SELECT 1 FROM "SubscriberComponent" c WHERE c."subscriberId" = s."id")
             OR EXISTS (SELECT 1 FROM "SubscriberComponent" c WHERE c."subscriberId" = s."id" AND c."componentId" IN (${Prisma.join(components)})))`;
  }
  // SQLite keeps Prisma's DateTime as ISO text with an explicit offset.
  const at = now.toISOString().replace("Z", "+00:00");
  return tx.$executeRaw`
    INSERT INTO "Delivery" ("id", "updateId", "kind", "channel", "subscriberId", "recipient", "batchKey", "state", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT lower(hex(randomblob(8))), ${updateId}, 'notice', 'email', s."id", s."email",
           ${batchPrefix} || ((ROW_NUMBER() OVER (ORDER BY s."id") - 1) / ${Prisma.raw(String(BATCH_SIZE))}),
           'queued', 0, ${at}, ${at}, ${at}
    FROM "Subscriber" s
    WHERE s."confirmedAt" IS NOT NULL AND s."unsubscribedAt" IS NULL AND s."bouncedAt" IS NULL
      AND (NOT EXISTS (SELECT 1 FROM "SubscriberComponent" c WHERE c."subscriberId" = s."id")
           OR EXISTS (SELECT 1 FROM "SubscriberComponent" c WHERE c."subscriberId" = s."id" AND c."componentId" IN (${Prisma.join(components)})))`;
}

/** How many confirmed subscribers an update naming these components would reach (as enqueueNotices picks them). */
export async function audienceSize(tx: Tx, componentIds: string[]): Promise<number> {
  return tx.subscriber.count({
    where: {
      confirmedAt: { not: null },
      unsubscribedAt: null,
      bouncedAt: null,
      OR: [{ components: { none: {} } }, ...(componentIds.length ? [{ components: { some: { componentId: { in: componentIds } } } }] : [])],
    },
  });
}
