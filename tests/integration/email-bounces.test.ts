// Bounces and complaints read back from Resend's event webhook (POST /api/v1/email-events,
// signed as Svix signs it): notices go out through the real `resend` SDK to the local stand-in,
// each keeps the id the provider answered for it, and a signed `email.bounced` naming one of
// them shows in the update's delivery counts with its reason, once, however often it arrives.
// A hard bounce or a complaint stops the reader's notices; a bad signature changes nothing.
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import {
  addConfirmedSubscribers,
  emailCounts,
  noticesOf,
  notExactlyOnce,
  publishNotifyingUpdate,
  waitUntilSent,
} from "../setup/delivery-helpers.ts";
import { startResendStandIn, type ResendStandIn } from "../setup/resend-stand-in.ts";

const READERS = 150; // two batches
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const MAIL_SERVER_SAYS = "550 5.1.1 The email account that you tried to reach does not exist.";

type Signing = { secret?: string; id?: string; timestamp?: number };

/** POSTs a body as Resend does, signed over "<svix-id>.<svix-timestamp>.<body>". */
async function postSigned(client: Api, body: string, signing: Signing = {}) {
  const id = signing.id ?? `msg_${randomBytes(12).toString("hex")}`;
  const timestamp = String(signing.timestamp ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from((signing.secret ?? SECRET).slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  const response = await client.raw("POST", "/api/v1/email-events", body, {
    "svix-id": id,
    "svix-timestamp": timestamp,
    "svix-signature": `v1,${signature}`,
  });
  return { ...response, svixId: id };
}

const postEvent = (client: Api, event: unknown, signing: Signing = {}) => postSigned(client, JSON.stringify(event), signing);

const emailData = (providerId: string, to: string) => ({
  email_id: providerId,
  created_at: new Date().toISOString(),
  from: "Status <status@example.com>",
  to: [to],
  subject: "Investigating",
});
const bounced = (providerId: string, to: string, type = "Permanent") => ({
  type: "email.bounced",
  created_at: new Date().toISOString(),
  data: {
    ...emailData(providerId, to),
    bounce: { type, subType: type === "Permanent" ? "General" : "MailboxFull", message: MAIL_SERVER_SAYS },
  },
});

describe.each(databases())("bounces and complaints from Resend's webhook on %s", (database) => {
  let standIn: ResendStandIn;
  let app: TestApp;
  let resend: Api; // no bearer token: the signature is the only credential
  let readers: string[];
  let firstUpdate: string;
  const [hardBounce, complainer, softBounce, forgedVictim] = [3, 42, 77, 120].map(
    (i) => `reader-${String(i).padStart(5, "0")}@example.com`,
  );

  beforeAll(async () => {
    standIn = await startResendStandIn();
    app = await startApp({
      database,
      env: { RESEND_API_KEY: standIn.apiKey, RESEND_BASE_URL: standIn.url, EMAIL_REQUESTS_PER_SECOND: "50", RESEND_WEBHOOK_SECRET: SECRET },
    });
    resend = api(app.baseUrl, null);
    readers = await addConfirmedSubscribers(app.api, "reader", READERS);
    ({ updateId: firstUpdate } = await publishNotifyingUpdate(app.api, `Bounces ${database}`));
    await waitUntilSent(app.api, firstUpdate, READERS, 60_000);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  /** The id the provider answered for the notice of `updateId` to `address`. */
  const providerIdOf = (updateId: string, address: string) => noticesOf(standIn, updateId).find((e) => e.to.includes(address))!.id;
  const subscriber = async (email: string) =>
    (await app.api.get(`/api/v1/subscribers?search=${encodeURIComponent(email)}`)).body.subscribers[0];
  const audits = () => app.db.count("AuditEvent", `"action" IN ('delivery.bounced', 'subscriber.bounced', 'subscriber.complained')`);

  it("keeps on each notice the id the provider answered for that very email", async () => {
    const stored = await app.db.rows<{ recipient: string; providerId: string | null }>(
      `SELECT "recipient", "providerId" FROM "Delivery" WHERE "updateId" = ?`,
      firstUpdate,
    );
    expect(stored).toHaveLength(READERS);
    const answered = new Map(noticesOf(standIn, firstUpdate).map((e) => [e.to[0], e.id]));
    for (const row of stored) expect(row.providerId, row.recipient).toBe(answered.get(row.recipient));
  });

  it("a signed email.bounced shows as bounced with its reason; the reader is marked hard-bounced, audited without an actor", async () => {
    const response = await postEvent(resend, bounced(providerIdOf(firstUpdate, hardBounce), hardBounce));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ outcome: "bounced" });

    const { email, lastErrors } = await emailCounts(app.api, firstUpdate);
    expect(email).toMatchObject({ sent: READERS - 1, bounced: 1, queued: 0, failed: 0, dead: 0 });
    expect(lastErrors).toEqual([
      expect.objectContaining({
        recipient: hardBounce,
        channel: "email",
        state: "bounced",
        error: `Permanent bounce (General): ${MAIL_SERVER_SAYS}`,
      }),
    ]);
    expect((await subscriber(hardBounce)).bouncedAt).toEqual(expect.any(String));
    const rows = await app.db.rows<{ action: string; actorId: string | null }>(
      `SELECT "action", "actorId" FROM "AuditEvent" WHERE "action" IN ('delivery.bounced', 'subscriber.bounced')`,
    );
    expect(rows.map((r) => r.action).sort()).toEqual(["delivery.bounced", "subscriber.bounced"]);
    expect(rows.every((r) => r.actorId === null)).toBe(true);
  });

  it("the same event again (Svix's retry: same svix-id, new timestamp) changes nothing; nor does a second event for the same bounce", async () => {
    const event = bounced(providerIdOf(firstUpdate, softBounce), softBounce, "Transient");
    const first = await postEvent(resend, event);
    expect(first.body).toEqual({ outcome: "bounced" });
    const before = { counts: await emailCounts(app.api, firstUpdate), audits: await audits() };

    const retry = await postEvent(resend, event, { id: first.svixId, timestamp: Math.floor(Date.now() / 1000) + 1 });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ outcome: "duplicate" });
    expect(await postEvent(resend, event)).toMatchObject({ status: 200 }); // another svix-id, same facts
    expect(await emailCounts(app.api, firstUpdate)).toEqual(before.counts);
    expect(before.counts.email).toMatchObject({ bounced: 2, sent: READERS - 2 });
    expect(await audits()).toBe(before.audits);
    // A transient bounce lost this notice only: the reader still gets the next ones.
    expect((await subscriber(softBounce)).bouncedAt).toBeNull();
  });

  it("a badly signed, stale or unsigned event is 401 and changes nothing", async () => {
    const event = bounced(providerIdOf(firstUpdate, forgedVictim), forgedVictim);
    const before = { counts: await emailCounts(app.api, firstUpdate), audits: await audits(), events: await app.db.count("EmailEvent") };
    const forged = await postEvent(resend, event, { secret: `whsec_${randomBytes(24).toString("base64")}` });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("signature") });
    expect((await postEvent(resend, event, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    expect((await resend.raw("POST", "/api/v1/email-events", JSON.stringify(event), {})).status).toBe(401);
    expect(await emailCounts(app.api, firstUpdate)).toEqual(before.counts);
    expect(await audits()).toBe(before.audits);
    expect(await app.db.count("EmailEvent")).toBe(before.events);
    expect((await subscriber(forgedVictim)).bouncedAt).toBeNull();
  });

  it("a signed but malformed event is 400 with the reason; other event types and unknown emails are 200 and ignored", async () => {
    const missing = await postEvent(resend, {
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: emailData(providerIdOf(firstUpdate, forgedVictim), forgedVictim),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "bad_request", fields: { "data.bounce": expect.any(String) } });
    const notJson = await postSigned(resend, "{");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/not valid JSON/);
    expect((await postEvent(resend, "not an event")).status).toBe(400);

    const delivered = await postEvent(resend, {
      type: "email.delivered",
      created_at: new Date().toISOString(),
      data: emailData(providerIdOf(firstUpdate, forgedVictim), forgedVictim),
    });
    expect(delivered).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    const stranger = await postEvent(resend, bounced("0e3c4a8e-0000-4000-8000-000000000000", "someone@elsewhere.example"));
    expect(stranger).toMatchObject({ status: 200, body: { outcome: "unknown_email" } });
    expect((await emailCounts(app.api, firstUpdate)).email).toMatchObject({ bounced: 2 });
  });

  it("a complaint unsubscribes the reader (audited) and leaves the notice counted as sent", async () => {
    const before = (await emailCounts(app.api, firstUpdate)).email;
    const response = await postEvent(resend, {
      type: "email.complained",
      created_at: new Date().toISOString(),
      data: emailData(providerIdOf(firstUpdate, complainer), complainer),
    });
    expect(response).toMatchObject({ status: 200, body: { outcome: "complained" } });
    expect((await subscriber(complainer)).unsubscribedAt).toEqual(expect.any(String));
    expect((await emailCounts(app.api, firstUpdate)).email).toEqual(before);
    expect(await app.db.count("AuditEvent", `"action" = 'subscriber.complained' AND "actorId" IS NULL`)).toBe(1);
  });

  it("sends the next notice to everyone but the hard-bounced and the complaining reader", async () => {
    // An import proves nothing about the mailbox: the address stays bounced.
    const imported = await app.api.post("/api/v1/subscribers", { email: hardBounce, confirmedAt: new Date().toISOString() });
    expect(imported.status).toBe(200);
    expect(imported.body.subscriber.bouncedAt).toEqual(expect.any(String));
    const { updateId } = await publishNotifyingUpdate(app.api, `After bounces ${database}`);
    const expected = readers.filter((r) => r !== hardBounce && r !== complainer);
    await waitUntilSent(app.api, updateId, expected.length, 60_000);
    const got = noticesOf(standIn, updateId).flatMap((e) => e.to);
    expect(got).not.toContain(hardBounce);
    expect(got).not.toContain(complainer);
    expect(notExactlyOnce(expected, got)).toEqual({});
    expect((await emailCounts(app.api, updateId)).total).toBe(expected.length);
  });

  it("is off (404) without RESEND_WEBHOOK_SECRET", async () => {
    const plain = await startApp({ database, env: { RESEND_API_KEY: standIn.apiKey, RESEND_BASE_URL: standIn.url } });
    try {
      const response = await postEvent(api(plain.baseUrl, null), bounced("x", hardBounce));
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("not_found");
    } finally {
      await plain.stop();
    }
  });
});
