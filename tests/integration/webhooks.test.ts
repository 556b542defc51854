// Webhook endpoints: refused for addresses inside the network, signed, in Statuspage's shape,
// retried until the receiver answers 2xx.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

function startReceiver() {
  const received: Received[] = [];
  let failNext = 0;
  // A port freed by another test file may be handed to this receiver while that file's clients
  // still retry it: only requests under this receiver's own path prefix count.
  const prefix = `/r-${Math.random().toString(36).slice(2, 10)}`;
  const server = http.createServer((req, res) => {
    const url = req.url ?? "";
    if (!url.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ path: url.slice(prefix.length), headers: req.headers, body, at: Date.now() });
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(500).end("not now");
      } else res.writeHead(204).end();
    });
  });
  return new Promise<{ url: string; received: Received[]; failNext: (n: number) => void; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${port}${prefix}`,
        received,
        failNext: (n) => (failNext = n),
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

async function waitFor<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const SECRET = "whsec-test-0123456789abcdef";

describe.each(databases())("webhooks on %s", (database) => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let messagesId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startApp({ database, env: { WEBHOOK_ALLOWED_HOSTS: "localhost" } });
    const components = (await app.api.get("/api/v2/components.json")).body.components as { id: string; name: string; group: boolean }[];
    messagesId = components.find((c) => c.name === "Messages" && !c.group)!.id;
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  it("refuses endpoints on this machine, the private network or the metadata service, storing nothing", async () => {
    const before = await app.db.count("WebhookEndpoint");
    for (const url of [
      "http://127.0.0.1:9/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.8/hook",
      "http://[::1]:9/hook",
    ]) {
      const res = await app.api.post("/api/v1/webhooks", { url, secret: SECRET, events: ["incident"] });
      expect(res.status, url).toBe(422);
      expect(res.body.error.fields.url).toMatch(/is (a loopback|the cloud metadata|a private)/);
    }
    for (const body of [
      { url: "ftp://example.com/x", secret: SECRET, events: ["incident"] },
      { url: "https://example.com/x", secret: "short", events: ["incident"] },
      { url: "https://example.com/x", secret: SECRET, events: [] },
      { url: "https://example.com/x", secret: SECRET, events: ["everything"] },
    ]) {
      expect((await app.api.post("/api/v1/webhooks", body)).status).toBe(422);
    }
    expect(await app.db.count("WebhookEndpoint")).toBe(before);
  });

  it("lets only admins manage endpoints", async () => {
    const comms = await app.api.post("/api/v1/tokens", { name: "comms bot", role: "comms" });
    const res = await api(app.baseUrl, comms.body.token).post("/api/v1/webhooks", {
      url: `${receiver.url}/x`,
      secret: SECRET,
      events: ["incident"],
    });
    expect(res.status).toBe(403);
  });

  it("sends each published update and component change, signed, in Statuspage's shape; retries a failure", async () => {
    const created = await app.api.post("/api/v1/webhooks", {
      url: `${receiver.url}/statuspage`,
      secret: SECRET,
      events: ["incident", "component"],
    });
    expect(created.status).toBe(201);
    const incident = (await app.api.post("/api/v1/incidents", { title: "Webhook drill", severity: "SEV3" })).body.incident;
    receiver.failNext(1);
    const published = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      body: "Checking the webhook path.",
      components: [{ id: messagesId, status: "partial_outage" }],
      publish: true,
    });
    expect(published.status).toBe(201);

    // Two deliveries (the update, the component's change); the first request of them got a 500
    // and the same delivery came again.
    const report = async () =>
      (await app.api.get(`/api/v1/updates/${published.body.update.id}/deliveries`)).body.deliveries.byChannel.webhook;
    const until = Date.now() + 20_000;
    while ((await report()).sent < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await report()).toMatchObject({ sent: 2, failed: 0, dead: 0 });
    const ids = receiver.received.map((r) => r.headers["x-delivery-id"]);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(2);
    expect(ids.filter((id) => id === ids[0])).toHaveLength(2);
    const delivered = receiver.received.filter((r) => r.body.includes('"incident"') && r.body.includes(incident.id));

    for (const hook of receiver.received) {
      const timestamp = hook.headers["x-signature-timestamp"] as string;
      const expected = `t=${timestamp},v1=${createHmac("sha256", SECRET).update(`${timestamp}.${hook.body}`).digest("hex")}`;
      expect(hook.headers["x-signature"]).toBe(expected);
      expect(Math.abs(Number(timestamp) * 1000 - hook.at)).toBeLessThan(60_000);
    }
    const payload = JSON.parse(delivered[delivered.length - 1].body);
    expect(Object.keys(payload)).toEqual(["meta", "page", "incident"]);
    expect(Object.keys(payload.page)).toEqual(["id", "status_indicator", "status_description"]);
    expect(payload.incident.id).toBe(incident.id);
    expect(payload.incident.incident_updates[0].body).toBe("Checking the webhook path.");

    const componentHook = await waitFor(() => receiver.received.find((r) => r.body.includes('"component_update"')));
    const change = JSON.parse(componentHook.body);
    expect(change.component_update).toMatchObject({ component_id: messagesId, old_status: "operational", new_status: "partial_outage" });
    expect(change.component.id).toBe(messagesId);
  });

  it("publishes with two endpoints on one URL, each signed with its own secret (it was a 500 for every publish)", async () => {
    const secrets = ["twice-first-0123456789", "twice-second-0123456789"];
    for (const secret of secrets) {
      const created = await app.api.post("/api/v1/webhooks", { url: `${receiver.url}/twice`, secret, events: ["incident", "component"] });
      expect(created.status).toBe(201);
    }
    const incident = (await app.api.post("/api/v1/incidents", { title: "Twice drill", severity: "SEV3" })).body.incident;
    const published = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      body: "Two endpoints, one URL.",
      components: [{ id: messagesId, status: "degraded_performance" }],
      publish: true,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const hooks = await waitFor(() => {
      const got = receiver.received.filter((r) => r.path === "/twice" && r.body.includes(incident.id));
      return got.length >= 2 ? got : undefined;
    });
    const signedWith = hooks.map((hook) => {
      const timestamp = hook.headers["x-signature-timestamp"] as string;
      const mac = (secret: string) => createHmac("sha256", secret).update(`${timestamp}.${hook.body}`).digest("hex");
      const signed = (secret: string) => `t=${timestamp},v1=${mac(secret)}`;
      return secrets.find((secret) => hook.headers["x-signature"] === signed(secret));
    });
    expect(new Set(signedWith)).toEqual(new Set(secrets));
  });
});
