// The documented deployment (docs/deploy.md), run for real: two app instances on one Postgres
// database behind nginx with the shipped deploy/nginx.conf, and the delivery worker as its own
// process (the web instances run with DELIVERY_WORKER=off).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { startWorkerProcess, type WorkerProcess } from "../setup/delivery-helpers.ts";
import { collaborate, docText, signIn, waitFor } from "../setup/collab-client.ts";
import { startNginx, type Nginx } from "../setup/nginx.ts";
import { openEventStream } from "../setup/sse-client.ts";

const SERVED_BY_THE_OTHER_WITHIN_MS = 2_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portOf = (app: TestApp) => Number(new URL(app.baseUrl).port);

describe("two instances behind nginx, the worker apart", () => {
  let first: TestApp;
  let second: TestApp;
  let worker: WorkerProcess;
  let nginx: Nginx;
  let viaNginx: Api;
  let receiver: Server;
  const hooks: { body: string; at: number }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        hooks.push({ body, at: performance.now() });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const env = { DELIVERY_WORKER: "off", TRUST_PROXY: "1", WEBHOOK_ALLOWED_HOSTS: "localhost" };
    first = await startApp({ database: "postgres", env });
    second = await startApp({ database: "postgres", databaseUrl: first.databaseUrl, env });
    worker = await startWorkerProcess(first, { WEBHOOK_ALLOWED_HOSTS: "localhost" });
    nginx = await startNginx([portOf(first), portOf(second)]);
    viaNginx = api(nginx.baseUrl, first.adminToken);
  });
  afterAll(async () => {
    await nginx?.stop();
    await worker?.kill("SIGTERM");
    await second?.stop();
    await first?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it("spreads requests over both instances", async () => {
    const servedBy = new Set<string>();
    for (let i = 0; i < 6; i++) servedBy.add((await fetch(`${nginx.baseUrl}/healthz`)).headers.get("x-upstream") ?? "none");
    expect([...servedBy].sort()).toEqual([`127.0.0.1:${portOf(first)}`, `127.0.0.1:${portOf(second)}`].sort());
  });

  it("serves a publish made on one instance from the other within 2 s", async () => {
    const incident = (await viaNginx.post("/api/v1/incidents", { title: "Checkout errors behind the proxy", severity: "SEV2" })).body
      .incident;
    const published = await viaNginx.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      body: "Checkout is failing for some customers; we are investigating.",
      publish: true,
    });
    expect(published.status).toBe(201);
    const publishedOn = published.headers.get("x-upstream");
    const returned = performance.now();

    let fromTheOther: { ms: number; json: { incidents: { id: string }[] } } | null = null;
    let askedTheOther = 0;
    while (!fromTheOther && performance.now() - returned < SERVED_BY_THE_OTHER_WITHIN_MS * 2) {
      const response = await fetch(`${nginx.baseUrl}/api/v2/incidents/unresolved.json`);
      const json = (await response.json()) as { incidents: { id: string }[] };
      if (response.headers.get("x-upstream") !== publishedOn) {
        askedTheOther += 1;
        if (json.incidents.some((i) => i.id === incident.id)) fromTheOther = { ms: performance.now() - returned, json };
      }
      await delay(20);
    }
    expect(askedTheOther).toBeGreaterThan(0);
    expect(fromTheOther?.ms).toBeLessThan(SERVED_BY_THE_OTHER_WITHIN_MS);

    // and the public page itself, whichever instance answers
    for (let i = 0; i < 2; i++) {
      expect(await (await fetch(`${nginx.baseUrl}/status`)).text()).toContain(
        "Checkout is failing for some customers; we are investigating.",
      );
    }
  });

  it("streams the room's events through nginx as they happen, across instances", async () => {
    const incident = (await viaNginx.post("/api/v1/incidents", { title: "Slow search through the proxy", severity: "SEV3" })).body.incident;
    const stream = await openEventStream(`${nginx.baseUrl}/api/v1/incidents/${incident.id}/events`, {
      token: first.adminToken,
      lastEventId: incident.lastSeq,
    });
    try {
      // two posts, so at least one lands on the instance that is not holding the stream
      for (const body of ["Search latency p99 at 4 s.", "Rolled back the index change."]) {
        const posted = await viaNginx.post(`/api/v1/incidents/${incident.id}/timeline`, { body });
        expect(posted.status).toBe(201);
        const postedAt = performance.now();
        const event = await stream.waitForEvent((e) => Number(e.id) === posted.body.entry.seq, SERVED_BY_THE_OTHER_WITHIN_MS * 2);
        expect(event.receivedAt - postedAt).toBeLessThan(SERVED_BY_THE_OTHER_WITHIN_MS);
        expect(JSON.parse(event.data).body).toBe(body);
      }
    } finally {
      stream.close();
    }
  });

  it("has the worker process deliver webhooks while both web instances leave them alone", async () => {
    const { port } = receiver.address() as AddressInfo;
    const hook = await viaNginx.post("/api/v1/webhooks", {
      url: `http://localhost:${port}/hooks`,
      secret: "whsec-nginx-0123456789abcdef",
      events: ["incident"],
    });
    expect(hook.status).toBe(201);
    const incident = (await viaNginx.post("/api/v1/incidents", { title: "Webhooks behind the proxy", severity: "SEV3" })).body.incident;
    const published = await viaNginx.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "identified",
      body: "Webhook delivery check.",
      publish: true,
    });
    expect(published.status).toBe(201);
    const until = Date.now() + 15_000;
    while (!hooks.some((h) => h.body.includes(incident.id)) && Date.now() < until) await delay(50);
    expect(hooks.filter((h) => h.body.includes(incident.id)).length).toBeGreaterThanOrEqual(1);
    expect(worker.logs()).not.toMatch(/"level":(50|60)/);
  });

  it("sends everyone editing one post-mortem to the same instance, so they see each other type", async () => {
    const incident = (await viaNginx.post("/api/v1/incidents", { title: "Post-mortem behind the proxy", severity: "SEV3" })).body.incident;
    expect((await viaNginx.patch(`/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    const postmortemId = (await viaNginx.post(`/api/v1/incidents/${incident.id}/postmortem`)).body.postmortem.id as string;
    const cookie = await signIn(nginx.baseUrl, "responder@northwind.example");
    // four editors: without routing by post-mortem, nginx would alternate them between the instances
    const editors = [0, 1, 2, 3].map(() => collaborate(nginx.baseUrl, postmortemId, cookie));
    try {
      await Promise.all(editors.map((editor) => editor.synced()));
      editors[0].write("root_cause", "A config push removed the search index's replicas.");
      for (const editor of editors.slice(1)) {
        await waitFor(
          () => docText(editor.doc, "root_cause"),
          (text) => text.includes("removed the search index's replicas"),
          "the others to see the sentence",
          2_000,
        );
      }
    } finally {
      for (const editor of editors) editor.destroy();
    }
  });
});
