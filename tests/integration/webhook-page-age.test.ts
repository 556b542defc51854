// A webhook is never judged against a public page older than the update it carries. Forced
// here with a worker of its own process: it read the page for the first publish, and the
// second publish (a new incident, and a component change) is claimed seconds later, while the
// page it read is still in hand. Before the fix the new incident was dead-lettered as "not on
// the public page" and the component change went out with the component's old status.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { startWorkerProcess, type WorkerProcess } from "../setup/delivery-helpers.ts";

type Received = { body: string; id: string };

function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ body, id: String(req.headers["x-delivery-id"]) });
      res.writeHead(204).end();
    });
  });
  return new Promise<{ url: string; received: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://localhost:${port}`, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

const SECRET = "whsec-test-0123456789abcdef";

describe.each(databases())("webhooks and the public page's age on %s", (database) => {
  let app: TestApp;
  let worker: WorkerProcess;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let messagesId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startApp({ database, env: { WEBHOOK_ALLOWED_HOSTS: "localhost", DELIVERY_WORKER: "off" } });
    worker = await startWorkerProcess(app, { WEBHOOK_ALLOWED_HOSTS: "localhost" });
    const components = (await app.api.get("/api/v2/components.json")).body.components as { id: string; name: string; group: boolean }[];
    messagesId = components.find((c) => c.name === "Messages" && !c.group)!.id;
  });
  afterAll(async () => {
    await worker?.kill("SIGTERM");
    await app?.stop();
    await receiver?.close();
  });

  const deliveries = async (updateId: string) =>
    (await app.api.get(`/api/v1/updates/${updateId}/deliveries`)).body.deliveries.byChannel.webhook;
  async function settled(updateId: string, count: number) {
    const until = Date.now() + 20_000;
    for (;;) {
      const report = await deliveries(updateId);
      if (report.sent + report.dead + report.failed >= count || Date.now() > until) return report;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  async function publish(incidentId: string, body: string, components: { id: string; status: string }[] = []) {
    const res = await app.api.post(`/api/v1/incidents/${incidentId}/updates`, { status: "investigating", body, components, publish: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.update.id as string;
  }

  it("sends a new incident's first update, and a component's new status, right after another publish", async () => {
    expect(
      (await app.api.post("/api/v1/webhooks", { url: `${receiver.url}/hook`, secret: SECRET, events: ["incident", "component"] })).status,
    ).toBe(201);
    const first = (await app.api.post("/api/v1/incidents", { title: "First of two", severity: "SEV3" })).body.incident;
    const firstUpdate = await publish(first.id, "The first incident's update.");
    expect(await settled(firstUpdate, 1)).toMatchObject({ sent: 1, dead: 0 });

    // The worker has just read the page; these are claimed within its next poll.
    const second = (await app.api.post("/api/v1/incidents", { title: "Second of two", severity: "SEV3" })).body.incident;
    const secondUpdate = await publish(second.id, "The second incident's first update.", [{ id: messagesId, status: "major_outage" }]);
    const followUp = await publish(first.id, "The first incident's second update.");

    const report = await settled(secondUpdate, 2);
    expect(report, worker.logs()).toMatchObject({ sent: 2, dead: 0, failed: 0 });
    expect(await settled(followUp, 1)).toMatchObject({ sent: 1, dead: 0, failed: 0 });

    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    const incidentHook = bodies.find((b) => b.incident?.id === second.id);
    expect(incidentHook.incident.incident_updates.map((u: { body: string }) => u.body)).toEqual(["The second incident's first update."]);
    const componentHook = bodies.find((b) => b.component_update?.new_status === "major_outage");
    expect(componentHook.component.status).toBe("major_outage");
    const followUpHook = bodies.filter((b) => b.incident?.id === first.id).at(-1);
    expect(followUpHook.incident.incident_updates[0].body).toBe("The first incident's second update.");
  });
});
