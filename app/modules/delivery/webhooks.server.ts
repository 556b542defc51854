// Webhook endpoints: a URL, a secret and the events it wants (incident: every published
// incident or maintenance update; component: every public component status change). A URL
// that is, or resolves to, anything but a globally routable address (addresses.ts) is refused
// when it is added and again at every connection (DNS can change), unless an admin allowlisted
// the host (decision 0032).
import { lookup } from "node:dns/promises";
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import type { StatusChange } from "~/modules/components/public-status.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { judgeHost, refusedAddresses } from "./addresses.ts";

import { NewWebhookSchema, type NewWebhook } from "./webhook-schema.ts";

export { NewWebhookSchema };

export async function webhookAllowlist(tx: Pick<Tx, "organization">): Promise<string> {
  const org = await tx.organization.findUnique({ where: { id: "org" }, select: { webhookAllowedHosts: true } });
  return [env().WEBHOOK_ALLOWED_HOSTS, org?.webhookAllowedHosts ?? ""].filter(Boolean).join(",");
}

/** Null when the URL's host may be reached; else the reason (for the admin who typed it). Resolves a name. */
export async function refusedDestination(url: string, allowlist: string): Promise<string | null> {
  const hostname = new URL(url).hostname;
  const verdict = judgeHost(hostname, allowlist);
  if (verdict.kind === "allowed") return null;
  const because = "; webhooks may only reach globally routable addresses unless an admin allows the host";
  if (verdict.kind === "refused") return verdict.reason + because;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(hostname, { all: true, verbatim: true });
  } catch {
    return `the host ${hostname} does not resolve`;
  }
  const refused = refusedAddresses(
    hostname,
    addresses.map((a) => a.address),
    allowlist,
  );
  return refused ? refused + because : null;
}

export type WebhookView = {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  recent: { at: string; state: string; status: number | null; error: string | null }[];
};

export async function createWebhook(actor: Actor, input: NewWebhook): Promise<WebhookView> {
  const allowlist = await db.$transaction((tx) => webhookAllowlist(tx));
  const refused = await refusedDestination(input.url, allowlist);
  if (refused) fail("invalid", "The webhook URL cannot be used.", { url: refused });
  const id = newId();
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.create({
      data: { id, url: input.url, secret: input.secret, events: [...new Set(input.events)].join(","), createdById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: "webhook.created",
      entityType: "WebhookEndpoint",
      entityId: id,
      after: { url: input.url, events: input.events },
    });
  });
  return (await listWebhooks()).find((w) => w.id === id)!;
}

export async function listWebhooks(): Promise<WebhookView[]> {
  const rows = await db.$transaction((tx) =>
    tx.webhookEndpoint.findMany({
      where: { disabledAt: null },
      orderBy: { createdAt: "asc" },
      include: {
        deliveries: {
          orderBy: { updatedAt: "desc" },
          take: 20,
          select: { updatedAt: true, state: true, lastStatus: true, lastError: true },
        },
      },
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    events: r.events.split(","),
    createdAt: r.createdAt.toISOString(),
    recent: r.deliveries.map((d) => ({ at: d.updatedAt.toISOString(), state: d.state, status: d.lastStatus, error: d.lastError })),
  }));
}

export async function removeWebhook(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!row || row.disabledAt) notFound("Webhook");
    await tx.webhookEndpoint.update({ where: { id }, data: { disabledAt: new Date() } });
    await recordAudit(tx, actor, { action: "webhook.removed", entityType: "WebhookEndpoint", entityId: id, before: { url: row.url } });
  });
}

/** In the publishing transaction: the update to every incident endpoint, each public component change to every component endpoint. */
export async function enqueueWebhooks(tx: Tx, updateId: string, changes: StatusChange[], at: Date): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { disabledAt: null }, select: { id: true, url: true, events: true } });
  const rows = [];
  for (const endpoint of endpoints) {
    const events = endpoint.events.split(",");
    if (events.includes("incident")) {
      // The endpoint in the recipient: two endpoints may share a URL, and a delivery is unique per update and recipient.
      const recipient = `${endpoint.url}#endpoint=${endpoint.id}`;
      const batchKey = `webhook/${updateId}/${endpoint.id}`;
      rows.push({ id: newId(), updateId, kind: "incident", channel: "webhook" as const, endpointId: endpoint.id, recipient, batchKey });
    }
    if (events.includes("component")) {
      for (const change of changes) {
        const id = newId();
        rows.push({
          id,
          updateId,
          kind: "component",
          channel: "webhook" as const,
          endpointId: endpoint.id,
          recipient: `${endpoint.url}#endpoint=${endpoint.id}&component=${change.componentId}`,
          batchKey: `webhook/${updateId}/${endpoint.id}/${change.componentId}`,
          payload: { id, componentId: change.componentId, oldStatus: change.from, newStatus: change.to, at: at.toISOString() },
        });
      }
    }
  }
  if (rows.length) await tx.delivery.createMany({ data: rows });
}
