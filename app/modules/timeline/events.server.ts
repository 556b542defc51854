// Every change in an incident takes the incident's next sequence number inside the
// transaction that stores it, and is kept as an IncidentEvent for the SSE stream to replay.
// The row lock of `lastSeq + 1` orders concurrent writers on Postgres; SQLite has one writer.
import { bus } from "~/modules/realtime/bus.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { notFound } from "~/utils/http.server.ts";

export type IncidentEventType = "incident.updated" | "timeline.created" | "timeline.updated" | "timeline.deleted" | "update.changed";

export function incidentChannel(incidentId: string): string {
  return `incident:${incidentId}`;
}

/** Takes the incident's next sequence number (locking the incident row until commit); 404 if there is no such incident. */
export async function takeNextSeq(tx: Tx, incidentId: string): Promise<number> {
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

export async function storeEvent(tx: Tx, incidentId: string, seq: number, type: IncidentEventType, data: unknown): Promise<void> {
  await tx.incidentEvent.create({ data: { incidentId, seq, type, data: JSON.parse(JSON.stringify(data)) } });
}

/** Tells every instance that the incident has new events; call after the commit. */
export async function announceEvents(incidentId: string, seq: number): Promise<void> {
  await bus.publish(incidentChannel(incidentId), String(seq)).catch(() => {
    // The stream also catches up on its next notification or reconnect; the write stands.
  });
}
