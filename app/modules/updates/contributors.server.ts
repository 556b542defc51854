// Who wrote an update's text, kept on the update: a person is recorded the first time they
// write (drafting it, editing it), in the transaction that stores their words. Decision 29.
import type { Tx } from "~/utils/db.server.ts";

export async function recordUpdateContributor(tx: Tx, updateId: string, userId: string): Promise<void> {
  await tx.updateContributor.upsert({ where: { updateId_userId: { updateId, userId } }, create: { updateId, userId }, update: {} });
}
