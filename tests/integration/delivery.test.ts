// Email notices through the real `resend` SDK against a local stand-in of the Resend API that
// allows fewer requests per second than the app is configured for: 2,500 confirmed subscribers
// each get a published update exactly once, in batches of at most 100 under one idempotency
// key each, with one-click unsubscribe headers, also when the provider fails some calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import {
  addConfirmedSubscribers,
  emailCounts,
  noticesOf,
  notExactlyOnce,
  publishNotifyingUpdate,
  waitUntilSent,
} from "../setup/delivery-helpers.ts";
import { startResendStandIn, type ResendStandIn } from "../setup/resend-stand-in.ts";

const READERS = 2_500;
const SEND_TIMEOUT_MS = 90_000;

describe.each(databases())("email notices through Resend on %s", (database) => {
  let standIn: ResendStandIn;
  let app: TestApp;
  let readers: string[];
  const pending = ["pending-1@example.com", "pending-2@example.com", "pending-3@example.com"];
  const removed = "removed-reader@example.com";

  beforeAll(async () => {
    standIn = await startResendStandIn({ requestsPerSecond: 20 });
    app = await startApp({
      database,
      env: { RESEND_API_KEY: standIn.apiKey, RESEND_BASE_URL: standIn.url, EMAIL_REQUESTS_PER_SECOND: "50" },
    });
    const started = Date.now();
    readers = await addConfirmedSubscribers(app.api, "reader", READERS);
    console.info(`[${database}] ${READERS} subscribers added through the API in ${Date.now() - started} ms`);
    for (const email of pending) expect((await app.api.post("/api/v1/subscribers", { email })).status).toBe(201);
    const gone = await app.api.post("/api/v1/subscribers", { email: removed, confirmedAt: new Date().toISOString() });
    expect((await app.api.delete(`/api/v1/subscribers/${gone.body.subscriber.id}`)).status).toBe(204);
  }, 240_000);
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  /** Publishes, waits for every notice, and checks that each reader got it exactly once. */
  async function publishAndDeliver(title: string) {
    const published = await publishNotifyingUpdate(app.api, title);
    const started = Date.now();
    const counts = await waitUntilSent(app.api, published.updateId, READERS, SEND_TIMEOUT_MS);
    const ms = Date.now() - started;
    const notices = noticesOf(standIn, published.updateId);
    expect(
      notExactlyOnce(
        readers,
        notices.flatMap((e) => e.to),
      ),
    ).toEqual({});
    expect(notices).toHaveLength(READERS);
    expect(counts).toMatchObject({ sent: READERS, queued: 0, sending: 0, failed: 0, dead: 0 });
    return { ...published, notices, ms };
  }

  it("sends each of 2,500 confirmed subscribers the notice exactly once, 100 to a batch, one idempotency key per batch", async () => {
    const requestsBefore = standIn.stats.requests;
    const { updateId, title, notices, ms } = await publishAndDeliver(`Checkout errors ${database}`);
    console.info(`[${database}] ${READERS} notices in ${ms} ms; stand-in: ${JSON.stringify(standIn.stats)}`);

    const byKey = new Map<string, typeof notices>();
    for (const e of notices) byKey.set(e.idempotencyKey!, [...(byKey.get(e.idempotencyKey!) ?? []), e]);
    expect(byKey.size).toBe(READERS / 100);
    for (const [key, emails] of byKey) {
      expect(key).toMatch(new RegExp(`^update/${updateId}/email/\\d+$`));
      expect(emails.length).toBeLessThanOrEqual(100);
      expect(new Set(emails.map((e) => e.request)).size, `${key} accepted in more than one request`).toBe(1);
    }
    expect(standIn.stats.largestBatch).toBeLessThanOrEqual(100);
    expect(standIn.stats.requests - requestsBefore).toBeGreaterThanOrEqual(READERS / 100);
    expect(standIn.stats.conflicts).toBe(0);

    const [org] = await app.db.rows<{ publicUrl: string }>(`SELECT "publicUrl" FROM "Organization" WHERE "id" = 'org'`);
    const tokens = new Map(
      (await app.db.rows<{ email: string; token: string }>(`SELECT "email", "token" FROM "Subscriber"`)).map((r) => [r.email, r.token]),
    );
    for (const email of notices) {
      expect(email.to).toHaveLength(1);
      expect(email.subject).toContain(title);
      expect(email.headers["List-Unsubscribe"]).toBe(`<${org.publicUrl}/status/subscriptions/${tokens.get(email.to[0])}/unsubscribe>`);
      expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(email.html ?? email.text).toBeTruthy();
    }
  });

  it("sends unconfirmed subscribers only their confirmation, and removed ones nothing", async () => {
    for (const address of pending) {
      const mail = standIn.received.filter((e) => e.to.includes(address));
      expect(mail.map((e) => e.subject)).toEqual([expect.stringMatching(/^Confirm your subscription/)]);
      expect(mail[0].headers["List-Unsubscribe"]).toBeUndefined();
    }
    expect(standIn.received.filter((e) => e.to.includes(removed))).toEqual([]);
  });

  it("stays exactly once when every third call answers 500 before sending", async () => {
    const failedBefore = standIn.stats.failed;
    standIn.setFailures({ every: 3 });
    try {
      await publishAndDeliver(`Login failures ${database}`);
    } finally {
      standIn.setFailures(null);
    }
    expect(standIn.stats.failed - failedBefore).toBeGreaterThan(0);
  }, 120_000);

  it("stays exactly once when every fourth response is lost after the emails went out (500 after accepting)", async () => {
    const replayedBefore = standIn.stats.replayed;
    standIn.setFailures({ every: 4, afterAccepting: true });
    try {
      await publishAndDeliver(`Search slowness ${database}`);
    } finally {
      standIn.setFailures(null);
    }
    // The retries of those batches were answered from the idempotency key, nothing sent again.
    expect(standIn.stats.replayed - replayedBefore).toBeGreaterThan(0);
    expect(standIn.stats.conflicts).toBe(0);
  }, 120_000);

  it("waits out injected 429s (retry-after) without giving up or sending twice", async () => {
    const limitedBefore = standIn.stats.rateLimited;
    standIn.setFailures({ every: 5, status: 429 });
    try {
      const { updateId } = await publishAndDeliver(`Rate limited ${database}`);
      const { lastErrors } = await emailCounts(app.api, updateId);
      expect(lastErrors).toEqual([]);
    } finally {
      standIn.setFailures(null);
    }
    expect(standIn.stats.rateLimited - limitedBefore).toBeGreaterThan(0);
  }, 120_000);

  it("keeps a title with CRLF header injection out of the headers: refused, or a one-line subject", async () => {
    const title = "Outage\r\nBcc: intruder@example.net";
    const declared = await app.api.post("/api/v1/incidents", { title, severity: "SEV3" });
    if (declared.status === 422) return expect(declared.body.error.fields).toHaveProperty("title");
    expect(declared.status).toBe(201);
    const update = await app.api.post(`/api/v1/incidents/${declared.body.incident.id}/updates`, {
      status: "identified",
      body: "Found it.",
      publish: true,
      notify: true,
    });
    expect(update.status).toBe(201);
    await waitUntilSent(app.api, update.body.update.id, READERS, SEND_TIMEOUT_MS);
    const notices = noticesOf(standIn, update.body.update.id);
    expect(notices.filter((e) => /[\r\n]/.test(e.subject))).toEqual([]);
    expect(standIn.recipients()).not.toContain("intruder@example.net");
  }, 120_000);

  it("sends nothing more to a reader who unsubscribed with one click (List-Unsubscribe-Post)", async () => {
    const [first] = readers;
    const [{ token }] = await app.db.rows<{ token: string }>(`SELECT "token" FROM "Subscriber" WHERE "email" = ?`, first);
    // The path of the List-Unsubscribe URL (checked above), on this test's server: the page's
    // public URL may name another port.
    const path = `/status/subscriptions/${token}/unsubscribe`;
    const response = await fetch(app.baseUrl + path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status, `POST ${path}`).toBe(200);
    const { updateId } = await publishNotifyingUpdate(app.api, `After unsubscribe ${database}`);
    await waitUntilSent(app.api, updateId, READERS - 1, SEND_TIMEOUT_MS);
    const got = noticesOf(standIn, updateId).flatMap((e) => e.to);
    expect(got).not.toContain(first);
    expect(notExactlyOnce(readers.slice(1), got)).toEqual({});
  }, 120_000);
});
