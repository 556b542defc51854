// The subscribers API as an admin, comms and a viewer use it: subscribe (an address already
// there is merged), refuse what could not safely go into a To header, page with a cursor,
// remove; and double opt-in: one confirmation email, not another within 15 minutes. Without
// RESEND_API_KEY the confirmation lands in the in-app outbox; with it, at the Resend stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { startResendStandIn } from "../setup/resend-stand-in.ts";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Longer than the worker's idle poll (2 s): anything queued would have been sent by then. */
const SETTLE_MS = 2_500;

describe.each(databases())("subscribers API on %s", (database) => {
  let app: TestApp;
  let viewer: Api;
  let comms: Api;
  let components: string[];

  async function tokenFor(role: string): Promise<Api> {
    const created = await app.api.post("/api/v1/tokens", { name: `${role} for subscribers`, role });
    expect(created.status).toBe(201);
    return api(app.baseUrl, created.body.token);
  }
  const stored = async () => ({
    subscribers: await app.db.count("Subscriber"),
    choices: await app.db.count("SubscriberComponent"),
    deliveries: await app.db.count("Delivery"),
    outbox: await app.db.count("OutboxEmail"),
    audit: await app.db.count("AuditEvent"),
  });
  const outboxTo = (email: string) =>
    app.db.rows<{ subject: string; text: string; headers: unknown }>(
      `SELECT "subject", "text", "headers" FROM "OutboxEmail" WHERE "to" = ?`,
      email,
    );
  async function waitForOutbox(email: string) {
    const deadline = Date.now() + 10_000;
    while ((await outboxTo(email)).length === 0) {
      if (Date.now() > deadline) throw new Error(`no email to ${email} in the outbox`);
      await delay(100);
    }
  }

  beforeAll(async () => {
    app = await startApp({ database });
    [viewer, comms] = await Promise.all([tokenFor("viewer"), tokenFor("comms")]);
    const listed = (await app.api.get("/api/v1/components")).body.components as { id: string; group: boolean }[];
    components = listed.filter((c) => !c.group).map((c) => c.id);
  });
  afterAll(() => app?.stop());

  it("creates a subscriber (201); the same address again answers 200 with the components merged", async () => {
    const [a, b] = components;
    const created = await app.api.post("/api/v1/subscribers", { email: "merge@example.com", components: [a] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.subscriber).toMatchObject({ email: "merge@example.com", confirmedAt: null, components: [{ id: a }] });

    const again = await app.api.post("/api/v1/subscribers", { email: "  Merge@Example.COM ", components: [b] });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.subscriber.id).toBe(created.body.subscriber.id);
    expect(again.body.subscriber.components.map((c: { id: string }) => c.id).sort()).toEqual([a, b].sort());
    expect(await app.db.count("Subscriber", `"email" = ?`, "merge@example.com")).toBe(1);
  });

  it("sends one confirmation email to the outbox, and no second one when the POST repeats within 15 minutes", async () => {
    const email = "confirm-once@example.com";
    expect((await app.api.post("/api/v1/subscribers", { email })).status).toBe(201);
    await waitForOutbox(email);
    expect((await app.api.post("/api/v1/subscribers", { email })).status).toBe(200);
    expect((await comms.post("/api/v1/subscribers", { email: email.toUpperCase() })).status).toBe(200);
    await delay(SETTLE_MS);

    const mail = await outboxTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toMatch(/^Confirm your subscription/);
    const [{ token }] = await app.db.rows<{ token: string }>(`SELECT "token" FROM "Subscriber" WHERE "email" = ?`, email);
    expect(mail[0].text).toContain(`/status/subscriptions/${token}/confirm`);
    expect(await app.db.count("Delivery", `"recipient" = ? AND "kind" = 'confirmation'`, email)).toBe(1);
  });

  it("answers the same new address posted five times at once with one 201 and 200s: one subscriber, one confirmation", async () => {
    const email = "double-click@example.com";
    const responses = await Promise.all(Array.from({ length: 5 }, () => app.api.post("/api/v1/subscribers", { email })));
    expect(responses.map((r) => r.status).sort(), JSON.stringify(responses.map((r) => r.body))).toEqual([200, 200, 200, 200, 201]);
    expect(await app.db.count("Subscriber", `"email" = ?`, email)).toBe(1);
    expect(await app.db.count("Delivery", `"recipient" = ? AND "kind" = 'confirmation'`, email)).toBe(1);
  });

  it("sends no confirmation to an address that comes already confirmed (confirmedAt)", async () => {
    const email = "imported@example.com";
    const created = await app.api.post("/api/v1/subscribers", { email, confirmedAt: "2025-01-02T03:04:05Z" });
    expect(created.status).toBe(201);
    expect(created.body.subscriber.confirmedAt).toBe("2025-01-02T03:04:05.000Z");
    await delay(SETTLE_MS);
    expect(await outboxTo(email)).toEqual([]);
    expect(await app.db.count("Delivery", `"recipient" = ?`, email)).toBe(0);
  });

  it.each([
    ["no @", "reader.example.com"],
    ["two addresses with a comma", "a@b.example, c@d.example"],
    ["two addresses with a space", "a@b.example c@d.example"],
    ["a display name", "Reader <reader@example.com>"],
    ["CRLF header injection", "a@b.c\r\nBcc: x@y.z"],
    ["CRLF in a display name", "Name\r\nBcc: x@y.z <a@b.c>"],
    ["a bare LF", "a@b.c\nBcc: x@y.z"],
    ["300 characters", `${"a".repeat(288)}@example.com`],
    ["empty", ""],
    ["not a string", 42],
  ])("refuses an invalid address (%s): 422 on email, nothing stored", async (_, email) => {
    const before = await stored();
    const response = await app.api.post("/api/v1/subscribers", { email });
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(Object.keys(response.body.error.fields)).toContain("email");
    expect(await stored()).toEqual(before);
  });

  it("refuses an unknown component or a confirmation in the future: 422, nothing stored", async () => {
    const before = await stored();
    const unknown = await app.api.post("/api/v1/subscribers", {
      email: "unknown-part@example.com",
      components: [components[0], "no-such-component"],
    });
    expect(unknown.status, JSON.stringify(unknown.body)).toBe(422);
    expect(unknown.body.error.fields).toHaveProperty(["components.1"]);
    const future = await app.api.post("/api/v1/subscribers", {
      email: "future@example.com",
      confirmedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(future.body.error.fields).toHaveProperty("confirmedAt");
    expect(await stored()).toEqual(before);
  });

  it("lists subscribers a page at a time with a cursor", async () => {
    const emails = Array.from({ length: 5 }, (_, i) => `page-${i}@example.com`);
    for (const email of emails)
      expect((await app.api.post("/api/v1/subscribers", { email, confirmedAt: new Date().toISOString() })).status).toBe(201);
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const response = await app.api.get(`/api/v1/subscribers?search=page-&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      pages.push(response.body.subscribers.map((s: { email: string }) => s.email));
      cursor = response.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual(emails.sort());
  });

  it("removes a subscriber: 204, then gone (404 on a second DELETE)", async () => {
    const created = await app.api.post("/api/v1/subscribers", { email: "leaving@example.com", components: [components[0]] });
    const id = created.body.subscriber.id;
    expect((await app.api.delete(`/api/v1/subscribers/${id}`)).status).toBe(204);
    expect((await app.api.get("/api/v1/subscribers?search=leaving")).body.subscribers).toEqual([]);
    expect(await app.db.count("Subscriber", `"id" = ?`, id)).toBe(0);
    expect((await app.api.delete(`/api/v1/subscribers/${id}`)).status).toBe(404);
  });

  it("lets comms manage subscribers and refuses a viewer (403, nothing stored)", async () => {
    const before = await stored();
    expect((await viewer.post("/api/v1/subscribers", { email: "by-viewer@example.com" })).status).toBe(403);
    expect((await viewer.get("/api/v1/subscribers")).status).toBe(403);
    const target = (await app.api.get("/api/v1/subscribers?limit=1")).body.subscribers[0];
    expect((await viewer.delete(`/api/v1/subscribers/${target.id}`)).status).toBe(403);
    expect(await stored()).toEqual(before);

    const created = await comms.post("/api/v1/subscribers", { email: "by-comms@example.com", confirmedAt: new Date().toISOString() });
    expect(created.status).toBe(201);
    expect((await comms.get("/api/v1/subscribers?search=by-comms")).body.subscribers).toHaveLength(1);
    expect((await comms.delete(`/api/v1/subscribers/${created.body.subscriber.id}`)).status).toBe(204);
  });

  it("through Resend: one confirmation reaches the provider, a repeat within 15 minutes sends none", async () => {
    const standIn = await startResendStandIn();
    const resendApp = await startApp({ database, env: { RESEND_API_KEY: standIn.apiKey, RESEND_BASE_URL: standIn.url } });
    try {
      const email = "through-resend@example.com";
      expect((await resendApp.api.post("/api/v1/subscribers", { email })).status).toBe(201);
      const deadline = Date.now() + 10_000;
      while (!standIn.recipients().includes(email) && Date.now() < deadline) await delay(100);
      expect((await resendApp.api.post("/api/v1/subscribers", { email })).status).toBe(200);
      await delay(SETTLE_MS);
      const mail = standIn.received.filter((e) => e.to.includes(email));
      expect(mail.map((e) => [e.subject.startsWith("Confirm your subscription"), e.idempotencyKey?.startsWith("confirmation/")])).toEqual([
        [true, true],
      ]);
      expect(await resendApp.db.count("OutboxEmail", `"to" = ?`, email)).toBe(0);
    } finally {
      await resendApp.stop();
      await standIn.close();
    }
  }, 60_000);
});
