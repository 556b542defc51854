// The outbox: deliveries are written in the same transaction as what they announce, so a
// published update always has its notices queued, and a rolled-back one has none. Emails to
// the subscribers of one update are grouped 100 to a batch; the batch key is also the email
// provider's idempotency key, so a batch sent twice (a worker killed mid-send) arrives once.
import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";

export const BATCH_SIZE = 100;
const INSERT_CHUNK = 500;

export async function enqueueConfirmation(tx: Tx, subscriber: { id: string; email: string }): Promise<void> {
  const id = newId();
  await tx.delivery.create({
    data: { id, kind: "confirmation", channel: "email", subscriberId: subscriber.id, recipient: subscriber.email, batchKey: `confirmation/${id}` },
  });
}

/**
 * Queues the notice of a published update for every confirmed subscriber who asked for one of
 * these components (or for all). Returns how many were queued.
 */
export async function enqueueNotices(tx: Tx, updateId: string, componentIds: string[]): Promise<number> {
  const subscribers = await tx.subscriber.findMany({
    where: {
      confirmedAt: { not: null },
      unsubscribedAt: null,
      OR: [{ components: { none: {} } }, ...(componentIds.length ? [{ components: { some: { componentId: { in: componentIds } } } }] : [])],
    },
    select: { id: true, email: true },
    orderBy: { id: "asc" },
  });
  const rows = subscribers.map((s, i) => ({
    id: newId(),
    updateId,
    kind: "notice",
    channel: "email" as const,
    subscriberId: s.id,
    recipient: s.email,
    batchKey: `update/${updateId}/email/${Math.floor(i / BATCH_SIZE)}`,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.delivery.createMany({ data: rows.slice(i, i + INSERT_CHUNK) });
  return rows.length;
}

/** How many confirmed subscribers an update naming these components would reach. */
export async function audienceSize(tx: Tx, componentIds: string[]): Promise<number> {
  return tx.subscriber.count({
    where: {
      confirmedAt: { not: null },
      unsubscribedAt: null,
      OR: [{ components: { none: {} } }, ...(componentIds.length ? [{ components: { some: { componentId: { in: componentIds } } } }] : [])],
    },
  });
}
