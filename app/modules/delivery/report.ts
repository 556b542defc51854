// What comms sees after publishing, as report.server.ts counts it. Pure, so components may import it.

/** The states a delivery is counted in, per channel. */
export const REPORTED_STATES = ["queued", "sending", "sent", "failed", "dead", "bounced"] as const;

export type DeliveryReport = {
  updateId: string;
  total: number;
  byChannel: Record<"email" | "webhook", Record<(typeof REPORTED_STATES)[number], number>>;
  lastErrors: { recipient: string; channel: string; state: string; attempts: number; error: string; status: number | null; at: string }[];
};
