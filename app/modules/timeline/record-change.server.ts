// The one way to change an incident (decision 0056). Every change takes the incident's next
// sequence number inside the transaction that stores it, keeps its event for the room's stream
// to replay (wire-events.ts), and writes its audit rows; once the transaction commits, every
// instance is told. The row lock of `lastSeq + 1` orders concurrent writers on Postgres; SQLite
// has one writer. Writers call recordIncidentChange inside withIncidentChanges, never the steps.
import { recordAudit, type AuditedActor, type AuditInput } from "~/modules/audit/audit.server.ts";
import { bus } from "~/modules/realtime/bus.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { logger } from "~/utils/logger.server.ts";
import type { IncidentEventPayload } from "./wire-events.ts";

export function incidentChannel(incidentId: string): string {
  return `incident:${incidentId}`;
}

/** What a change wrote: what it answers its caller, the event the room hears, the audit rows (none for a part of a larger change). */
export type RecordedChange<T> = { value: T; event: IncidentEventPayload; audit?: AuditInput | AuditInput[] };

/** For each open transaction of withIncidentChanges: the incidents changed in it, with the last sequence number taken. */
const changedIn = new WeakMap<Tx, Map<string, number>>();

type TransactionOptions<T> = {
  maxWait?: number;
  timeout?: number;
  /** after the commit, before the room is told (the public page is rebuilt first); its failure is logged, never thrown */
  beforeAnnounce?: (result: T) => Promise<void>;
};

/**
 * Runs `work` in a transaction in which incidents may be changed; after the commit, announces
 * the last sequence number of each incident changed, whether or not `beforeAnnounce` succeeded.
 * Nothing is announced when it rolls back.
 */
export async function withIncidentChanges<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions<T> = {}): Promise<T> {
  const { beforeAnnounce, ...transaction } = options;
  let changed = new Map<string, number>();
  const result = await db.$transaction(async (tx) => {
    changed = new Map();
    changedIn.set(tx, changed);
    try {
      return await work(tx);
    } finally {
      changedIn.delete(tx);
    }
  }, transaction);
  try {
    await beforeAnnounce?.(result);
  } catch (error) {
    // The change is committed: the room must still hear it, and the caller must not see a failure
    // that would make it try again (a second entry, a second publish). The rebuild is logged; the
    // public page catches up on its next rebuild.
    logger.error({ err: error, incidents: [...changed.keys()] }, "after a committed incident change, the step before announcing it failed");
  }
  for (const [incidentId, seq] of changed) await announce(incidentId, seq);
  return result;
}

/**
 * Records one change of an incident inside a transaction of withIncidentChanges: takes the
 * incident's next sequence number (locking the incident row until commit; 404 if there is no
 * such incident), lets `write` store the change with it, then stores the change's event at that
 * number and writes its audit rows. A change may record others inside it (their numbers come later).
 */
export async function recordIncidentChange<T>(
  tx: Tx,
  actor: AuditedActor,
  incidentId: string,
  write: (seq: number) => Promise<RecordedChange<T>>,
): Promise<{ value: T; seq: number }> {
  const changed = changedIn.get(tx);
  if (!changed) throw new Error("An incident change outside withIncidentChanges: nobody would announce it.");
  const seq = await takeNextSeq(tx, incidentId);
  const { value, event, audit } = await write(seq);
  await tx.incidentEvent.create({ data: { incidentId, seq, type: event.type, data: JSON.parse(JSON.stringify(event.data)) } });
  for (const row of audit === undefined ? [] : Array.isArray(audit) ? audit : [audit]) await recordAudit(tx, actor, row);
  changed.set(incidentId, Math.max(changed.get(incidentId) ?? 0, seq));
  return { value, seq };
}

async function takeNextSeq(tx: Tx, incidentId: string): Promise<number> {
  try {
    const { lastSeq } = await tx.incident.update({
      where: { id: incidentId },
      data: { lastSeq: { increment: 1 } },
      select: { lastSeq: true },
    });
    return lastSeq;
  } catch (error) {
    // P2025: the record to update does not exist.
    if ((error as { code?: string }).code === "P2025") notFound("Incident");
    throw error;
  }
}

/** Tells every instance that the incident has new events, after the commit. */
async function announce(incidentId: string, seq: number): Promise<void> {
  await bus.publish(incidentChannel(incidentId), String(seq)).catch(() => {
    // The stream also catches up on its next notification or reconnect; the write stands.
  });
}
