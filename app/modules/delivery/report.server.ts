// What comms sees after publishing: how many notices are queued, sent, failed, dead and
// bounced (accepted by the provider, refused by the reader's mail server), per channel, and the
// last errors, bounce reasons among them.
import { db } from "~/utils/db.server.ts";
import { REPORTED_STATES, type DeliveryReport } from "./report.ts";

export async function deliveryReport(updateId: string): Promise<DeliveryReport> {
  return db.$transaction(async (tx) => {
    const groups = await tx.delivery.groupBy({ by: ["channel", "state"], where: { updateId }, _count: { _all: true } });
    const empty = () => Object.fromEntries(REPORTED_STATES.map((s) => [s, 0])) as Record<(typeof REPORTED_STATES)[number], number>;
    const byChannel = { email: empty(), webhook: empty() };
    let total = 0;
    for (const g of groups) {
      byChannel[g.channel as "email" | "webhook"][g.state as (typeof REPORTED_STATES)[number]] = g._count._all;
      total += g._count._all;
    }
    const failures = await tx.delivery.findMany({
      where: { updateId, lastError: { not: null }, state: { in: ["failed", "dead", "queued", "bounced"] } },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { recipient: true, channel: true, state: true, attempts: true, lastError: true, lastStatus: true, updatedAt: true },
    });
    return {
      updateId,
      total,
      byChannel,
      lastErrors: failures.map((f) => ({
        recipient: f.recipient,
        channel: f.channel,
        state: f.state,
        attempts: f.attempts,
        error: f.lastError!,
        status: f.lastStatus,
        at: f.updatedAt.toISOString(),
      })),
    };
  });
}
