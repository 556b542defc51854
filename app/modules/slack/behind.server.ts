// "The channel is behind" (issue 16, Delivery; decision 0048): the incident's Slack work that has
// not gone out as it should: failing (5xx, no answer), waiting out a 429, dead, or simply queued
// for longer than a moment. The room shows it near its header; an outage of Slack fails no action.
import { db } from "~/utils/db.server.ts";
import { slackSendsMessages } from "./web-api.server.ts";
import type { SlackBehind } from "./behind.ts";

/** Queued for less than this is the ordinary moment before the worker sends it, not "behind". */
const GRACE_MS = 10_000;

export async function slackChannelBehind(incidentId: string, now = new Date()): Promise<SlackBehind | null> {
  if (!slackSendsMessages()) return null;
  const rows = await db.$transaction((tx) =>
    tx.delivery.findMany({
      where: {
        channel: "slack",
        recipient: `incident:${incidentId}`,
        OR: [
          { state: { in: ["failed", "dead"] } },
          {
            state: { in: ["queued", "sending"] },
            OR: [{ lastStatus: { gte: 429 } }, { createdAt: { lt: new Date(now.getTime() - GRACE_MS) } }],
          },
        ],
      },
      select: { state: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: 500,
    }),
  );
  const waiting = rows.filter((r) => r.state !== "dead");
  const notPosted = rows.length - waiting.length;
  if (waiting.length === 0 && notPosted === 0) return null;
  return { waiting: waiting.length, since: (waiting[0] ?? rows[0]!).createdAt.toISOString(), notPosted };
}
