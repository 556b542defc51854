// Webhook destinations are judged on the address, never on how it is written (decision 0032):
// a loopback receiver written as an IPv4-mapped, IPv4-compatible, NAT64, 6to4 or Teredo IPv6
// address, as a decimal, hex or short IPv4 number, as localhost, or behind a name that resolves
// to loopback, is refused when added (API and admin page) and, when written straight into the
// database or when DNS changes after it was added, never reached: the delivery says
// "destination not allowed", not the connection error.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../setup/app-process.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

const FAKE_DNS = pathToFileURL(path.join(REPO_ROOT, "tests/setup/fake-dns.mjs")).href;
const SECRET = "whsec-test-0123456789abcdef";

function loopbackReceiver() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(204).end();
  });
  return new Promise<{ port: number; hits: string[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, hits, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** The loopback receiver, written every way that reaches it (or would, on a host with NAT64, 6to4 or Teredo). */
function loopbackForms(port: number): string[] {
  return [
    `http://127.0.0.1:${port}/plain`,
    `http://[::ffff:127.0.0.1]:${port}/mapped`,
    `http://[::ffff:7f00:1]:${port}/mapped-hex`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${port}/mapped-long`,
    `http://[::127.0.0.1]:${port}/compatible`,
    `http://[::ffff:0:7f00:1]:${port}/translated`,
    `http://[64:ff9b::7f00:1]:${port}/nat64`,
    `http://[64:ff9b:1::7f00:1]:${port}/nat64-local`,
    `http://[2002:7f00:1::1]:${port}/6to4`,
    `http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:${port}/teredo`,
    `http://[::1]:${port}/v6-loopback`,
    `http://2130706433:${port}/decimal`,
    `http://0x7f.1:${port}/hex`,
    `http://127.1:${port}/short`,
    `http://0177.0.0.1:${port}/octal`,
    `http://localhost:${port}/localhost`,
    `http://LOCALHOST.:${port}/localhost-dot`,
    `http://hooks.localhost:${port}/sub-localhost`,
    `http://loopback.dns-test:${port}/name`,
    `http://loopback.dns-test.:${port}/name-dot`,
    `http://mapped.dns-test:${port}/name-mapped`,
    `http://mixed.dns-test:${port}/name-mixed`,
  ];
}

const OTHER_SPECIAL = [
  "http://198.18.0.1/",
  "http://[::ffff:10.0.0.8]/",
  "http://[::ffff:c0a8:101]/",
  "http://[fd00:ec2::254]/",
  "http://100.64.0.1/",
];

describe.each(databases())("webhook destinations on %s", (database) => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof loopbackReceiver>>;

  beforeAll(async () => {
    receiver = await loopbackReceiver();
    const names = [
      "loopback.dns-test=127.0.0.1",
      "mapped.dns-test=::ffff:127.0.0.1",
      "mixed.dns-test=93.184.216.34,127.0.0.1",
      // public when added, loopback at every connection after
      "rebind.dns-test=93.184.216.34|127.0.0.1",
    ];
    const NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import ${FAKE_DNS}`.trim();
    app = await startApp({ database, env: { NODE_OPTIONS, FAKE_DNS: names.join(";"), WEBHOOK_ALLOWED_HOSTS: "" } });
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  it("refuses every spelling of loopback and of the special ranges when added through the API: 422 naming url and why", async () => {
    const before = await app.db.count("WebhookEndpoint");
    for (const url of [...loopbackForms(receiver.port), ...OTHER_SPECIAL]) {
      const res = await app.api.post("/api/v1/webhooks", { url, secret: SECRET, events: ["incident"] });
      expect(res.status, url).toBe(422);
      expect(res.body.error.fields.url, url).toMatch(
        /(is|resolves to) (a loopback|this machine|a benchmarking|a private|the cloud metadata|a shared)|is a (Teredo|local-use NAT64)/,
      );
    }
    expect(await app.db.count("WebhookEndpoint")).toBe(before);
  });

  it("refuses them on the admin page too, in words beside the URL field", async () => {
    const cookie = await cookieOf(app, "admin@northwind.example");
    const before = await app.db.count("WebhookEndpoint");
    for (const url of [`http://[::ffff:7f00:1]:${receiver.port}/`, `http://0x7f.1:${receiver.port}/`, "http://198.18.0.1/"]) {
      const form = new URLSearchParams({ intent: "add", url, secret: SECRET, events: "incident" });
      const res = await fetch(`${app.baseUrl}/admin/webhooks`, { method: "POST", headers: { cookie, origin: app.baseUrl }, body: form });
      expect(res.status, url).toBe(422);
      expect(await res.text(), url).toMatch(/is a (loopback|benchmarking) address/);
    }
    expect(await app.db.count("WebhookEndpoint")).toBe(before);
  });

  it("never reaches loopback at delivery, whether written into the database or rebound after it was added", async () => {
    // The incident is public before the endpoints exist: a webhook taken before the public page shows an
    // incident's first update is dead-lettered for that reason instead (decision 0011).
    const incident = (await app.api.post("/api/v1/incidents", { title: "Destination drill", severity: "SEV3" })).body.incident;
    const first = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      body: "Looking.",
      publish: true,
    });
    expect(first.status).toBe(201);
    const until = Date.now() + 60_000;
    while (!JSON.stringify((await app.api.get("/api/v2/incidents.json")).body).includes(incident.id) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const [admin] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, "admin@northwind.example");
    const urls = loopbackForms(receiver.port);
    for (const [i, url] of urls.entries()) {
      await app.db.execute(
        `INSERT INTO "WebhookEndpoint" ("id", "url", "secret", "events", "createdById", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
        `raw-endpoint-${i}`,
        url,
        SECRET,
        "incident",
        admin.id,
        new Date(),
      );
    }
    // Public when it was added (the first lookup), loopback when the worker connects.
    const rebound = await app.api.post("/api/v1/webhooks", {
      url: `http://rebind.dns-test:${receiver.port}/rebound`,
      secret: SECRET,
      events: ["incident"],
    });
    expect(rebound.status, JSON.stringify(rebound.body)).toBe(201);

    const update = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "identified",
      body: "Checking destinations.",
      publish: true,
    });
    expect(update.status).toBe(201);

    type Row = { recipient: string; state: string; lastError: string | null; attempts: number };
    const read = () =>
      app.db.rows<Row>(
        `SELECT "recipient", "state", "lastError", "attempts" FROM "Delivery" WHERE "channel" = 'webhook' AND "updateId" = ?`,
        update.body.update.id,
      );
    let rows = await read();
    while (rows.some((r) => r.state !== "dead") && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      rows = await read();
    }
    expect(rows).toHaveLength(urls.length + 1);
    for (const row of rows) {
      expect(row, row.recipient).toMatchObject({ state: "dead", lastError: "destination not allowed", attempts: 1 });
    }
    expect(receiver.hits).toEqual([]);
    // The admin's page shows the same words, never a connection error naming a port.
    const listed = await app.api.get("/api/v1/webhooks");
    const errors = listed.body.webhooks.flatMap((w: { recent: { error: string | null }[] }) => w.recent.map((d) => d.error));
    expect(new Set(errors)).toEqual(new Set(["destination not allowed"]));
  });
});
