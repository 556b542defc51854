// The delivery queue as /metrics shows it, read at scrape time: how many deliveries are in
// each state, and how many are due now (what the worker would take next). Two grouped counts
// that the (state, nextAttemptAt) index answers, whatever the size of the table's history.
import { db } from "~/utils/db.server.ts";

export const DELIVERY_STATES = ["queued", "sending", "sent", "failed", "dead", "bounced"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export type DeliveryQueueFigures = {
  byState: Record<DeliveryState, number>;
  /** queued or failed, with the next attempt now or past */
  due: number;
};

export async function deliveryQueueFigures(now = new Date()): Promise<DeliveryQueueFigures> {
  return db.$transaction(async (tx) => {
    const groups = await tx.delivery.groupBy({ by: ["state"], _count: { _all: true } });
    const due = await tx.delivery.count({ where: { state: { in: ["queued", "failed"] }, nextAttemptAt: { lte: now } } });
    const byState = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
    for (const g of groups) byState[g.state as DeliveryState] = g._count._all;
    return { byState, due };
  });
}
