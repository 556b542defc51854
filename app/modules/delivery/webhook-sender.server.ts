// Sends one webhook: the Statuspage-style JSON, signed (X-Signature: t=<unix seconds>,
// v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>), with a 10 s timeout. The
// connection is made to an address checked at that moment (no DNS rebinding into the private
// network). A 2xx is delivered; anything else is retried with backoff.
import { createHmac } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { ComponentChange } from "~/modules/status-page/webhook-payload.ts";
import { componentPayload, eventPayload } from "~/modules/status-page/webhook-payload.ts";
import { currentPublicPage } from "~/modules/status-page/store.server.ts";
import { loadPublicPage } from "~/modules/status-page/snapshot.server.ts";
import type { PublicPage } from "~/modules/status-page/model.ts";
import type { Tx } from "~/utils/db.server.ts";
import { allowedHost, forbiddenAddress } from "./addresses.ts";
import { webhookAllowlist } from "./webhooks.server.ts";

const TIMEOUT_MS = 10_000;

let cached: { page: PublicPage; at: number } | null = null;
async function publicPage(): Promise<PublicPage> {
  const live = currentPublicPage();
  if (live) return live;
  if (!cached || Date.now() - cached.at > 5_000) cached = { page: await loadPublicPage(), at: Date.now() };
  return cached.page;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

type Row = { id: string; kind: string; updateId: string | null; payload: unknown; endpoint: { url: string; secret: string; disabledAt: Date | null } | null };
export type WebhookResult = { ok: true; status: number } | { ok: false; status: number | null; error: string; final?: boolean };

export async function webhookBody(tx: Tx, row: Row): Promise<string | null> {
  const page = await publicPage();
  if (row.kind === "component") return JSON.stringify(componentPayload(page, row.payload as ComponentChange));
  const update = row.updateId ? await tx.statusUpdate.findUnique({ where: { id: row.updateId }, select: { incidentId: true, maintenanceId: true } }) : null;
  if (!update) return null;
  const payload = eventPayload(page, (update.incidentId ?? update.maintenanceId)!, row.updateId!);
  return payload ? JSON.stringify(payload) : null;
}

export type PreparedWebhook = { url: string; secret: string; body: string; allowlist: string; deliveryId: string } | { refused: WebhookResult };

/** In a short transaction: what to send. The sending itself happens outside any transaction. */
export async function prepareWebhook(tx: Tx, row: Row): Promise<PreparedWebhook> {
  if (!row.endpoint || row.endpoint.disabledAt) return { refused: { ok: false, status: null, error: "the endpoint was removed", final: true } };
  const body = await webhookBody(tx, row);
  if (body === null) return { refused: { ok: false, status: null, error: "the update is not on the public page", final: true } };
  return { url: row.endpoint.url, secret: row.endpoint.secret, body, allowlist: await webhookAllowlist(tx), deliveryId: row.id };
}

export async function sendWebhook(prepared: PreparedWebhook): Promise<WebhookResult> {
  if ("refused" in prepared) return prepared.refused;
  const { body, allowlist } = prepared;
  const url = new URL(prepared.url);
  const timestamp = Math.floor(Date.now() / 1000);
  const guardedLookup = (hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      if (!allowedHost(hostname, allowlist)) {
        const bad = addresses.find((a) => forbiddenAddress(a.address));
        if (bad) return callback(new Error(`${hostname} resolves to ${forbiddenAddress(bad.address)} (${bad.address})`), []);
      }
      const all = (options as { all?: boolean }).all;
      if (all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return new Promise<WebhookResult>((resolve) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        lookup: guardedLookup as never,
        timeout: TIMEOUT_MS,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "IncidentDesk-Webhooks/1",
          "X-Signature": signature(prepared.secret, timestamp, body),
          "X-Signature-Timestamp": String(timestamp),
          "X-Delivery-Id": prepared.deliveryId,
        },
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on("end", () => resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `answered ${status}` }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) => resolve({ ok: false, status: null, error: error.message }));
    request.end(body);
  });
}
