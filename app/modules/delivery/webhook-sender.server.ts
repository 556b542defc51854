// Sends one webhook: the Statuspage-style JSON, signed (X-Signature: t=<unix seconds>,
// v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>), with a 10 s timeout. The
// connection is made to an address checked at that moment (no DNS rebinding into the private
// network); a refused one is recorded as "destination not allowed" and never retried, without
// the connection error, which would tell which internal ports are open. Redirects are not
// followed: a 3xx is a failure like any other answer. A 2xx is delivered; anything else is
// retried with backoff.
import { createHmac } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { ComponentChange } from "~/modules/status-page/webhook-payload.ts";
import { componentPayload, eventPayload, pageHoldsUpdate } from "~/modules/status-page/webhook-payload.ts";
import { currentPublicPage } from "~/modules/status-page/store.server.ts";
import { loadPublicPage } from "~/modules/status-page/snapshot.server.ts";
import type { PublicPage } from "~/modules/status-page/model.ts";
import type { Tx } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { DESTINATION_NOT_ALLOWED, judgeHost, refusedAddresses } from "./addresses.ts";
import { webhookAllowlist } from "./webhooks.server.ts";

const TIMEOUT_MS = 10_000;

/**
 * The public page a delivery is built from: never one older than the update it carries. The
 * snapshot served to readers (or the last page this process read) is used when it already
 * holds that update; otherwise the page is read again from the database, and as the delivery
 * row was committed with its update, that read includes the update (when it is public at all).
 * A component change has nothing on the page to recognise it by: its page is always read after
 * the claim. See docs/decisions/0052-render-budget-and-webhook-page-age.md.
 */
let lastRead: PublicPage | null = null;
async function pageFor(carried: { eventId: string; updateId: string } | null): Promise<PublicPage> {
  const holds = (page: PublicPage | null) => page !== null && carried !== null && pageHoldsUpdate(page, carried.eventId, carried.updateId);
  const live = currentPublicPage();
  if (holds(live)) return live!;
  if (holds(lastRead)) return lastRead!;
  lastRead = await loadPublicPage();
  return lastRead;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

type Row = {
  id: string;
  kind: string;
  updateId: string | null;
  payload: unknown;
  endpoint: { url: string; secret: string; disabledAt: Date | null } | null;
};
export type WebhookResult = { ok: true; status: number } | { ok: false; status: number | null; error: string; final?: boolean };

/** What a delivery needs from the database, read in the worker's short transaction. */
export type WebhookFacts = { eventId: string | null; allowlist: string };

export async function webhookFacts(tx: Tx, row: Row): Promise<WebhookFacts> {
  const select = { incidentId: true, maintenanceId: true };
  const update = row.updateId ? await tx.statusUpdate.findUnique({ where: { id: row.updateId }, select }) : null;
  return { eventId: update ? (update.incidentId ?? update.maintenanceId) : null, allowlist: await webhookAllowlist(tx) };
}

/** The body, from a page no older than the update (read outside any transaction: a page read is one of its own). */
export async function webhookBody(row: Row, eventId: string | null): Promise<string | null> {
  if (row.kind === "component") return JSON.stringify(componentPayload(await pageFor(null), row.payload as ComponentChange));
  if (!eventId || !row.updateId) return null;
  const payload = eventPayload(await pageFor({ eventId, updateId: row.updateId }), eventId, row.updateId);
  return payload ? JSON.stringify(payload) : null;
}

export type PreparedWebhook =
  { url: string; secret: string; body: string; allowlist: string; deliveryId: string } | { refused: WebhookResult };

/** What to send. The sending itself happens outside any transaction. */
export async function prepareWebhook(row: Row, facts: WebhookFacts): Promise<PreparedWebhook> {
  if (!row.endpoint || row.endpoint.disabledAt)
    return { refused: { ok: false, status: null, error: "the endpoint was removed", final: true } };
  // A destination refused on its face (an address, localhost) is judged before anything is built for it.
  const allowlist = facts.allowlist;
  const refusal = refusedOnItsFace(row.endpoint.url, allowlist);
  if (refusal) return { refused: notAllowed(row.id, refusal) };
  const body = await webhookBody(row, facts.eventId);
  if (body === null) return { refused: { ok: false, status: null, error: "the update is not on the public page", final: true } };
  return { url: row.endpoint.url, secret: row.endpoint.secret, body, allowlist, deliveryId: row.id };
}

/** Recorded for a refused destination: never why (that goes to the log), which would map the network. */
function notAllowed(deliveryId: string, reason: string): WebhookResult {
  logger.warn({ deliveryId, reason }, "webhook destination not allowed");
  return { ok: false, status: null, error: DESTINATION_NOT_ALLOWED, final: true };
}

/**
 * Why a URL may not be reached whatever DNS says (no http(s) URL, an address outside the
 * public ranges, localhost), or null. An IP literal never reaches a lookup hook (Node connects
 * to it directly), so this is its one check. The URL is read as WHATWG reads it.
 */
function refusedOnItsFace(text: string, allowlist: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "not an http(s) URL";
  const verdict = judgeHost(url.hostname, allowlist);
  return verdict.kind === "refused" ? verdict.reason : null;
}

export async function sendWebhook(prepared: PreparedWebhook): Promise<WebhookResult> {
  if ("refused" in prepared) return prepared.refused;
  const { body, allowlist } = prepared;
  const refused = refusedOnItsFace(prepared.url, allowlist);
  if (refused) return notAllowed(prepared.deliveryId, refused);
  const url = new URL(prepared.url);
  const verdict = judgeHost(url.hostname, allowlist);
  const timestamp = Math.floor(Date.now() / 1000);
  // A name is judged by every address it resolves to, in the connection's own lookup, so DNS
  // that changes between the check and the connection (rebinding) cannot slip through.
  let refusal: string | null = null;
  const guardedLookup = (
    hostname: string,
    options: object,
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      refusal =
        verdict.kind === "allowed"
          ? null
          : refusedAddresses(
              hostname,
              addresses.map((a) => a.address),
              allowlist,
            );
      if (refusal) return callback(new Error(DESTINATION_NOT_ALLOWED), []);
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
        response.on("end", () =>
          resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `answered ${status}` }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) =>
      resolve(refusal ? notAllowed(prepared.deliveryId, refusal) : { ok: false, status: null, error: error.message }),
    );
    request.end(body);
  });
}
