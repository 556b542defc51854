// Several app instances on one Postgres database: live events cross between them through
// LISTEN/NOTIFY. Runs only when TEST_DATABASE_URL names a Postgres server (vitest.config.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";
import { openEventStream, type EventStreamClient } from "../setup/sse-client.ts";

const ACROSS_WITHIN_MS = 2_000;

describe("two instances on one Postgres database", () => {
  let first: TestApp;
  let second: TestApp;
  let incidentId: string;
  const open: EventStreamClient[] = [];

  async function streamFrom(app: TestApp) {
    const { lastSeq } = (await app.api.get(`/api/v1/incidents/${incidentId}`)).body.incident;
    const client = await openEventStream(`${app.baseUrl}/api/v1/incidents/${incidentId}/events`, { token: app.adminToken, lastEventId: lastSeq });
    open.push(client);
    return client;
  }

  beforeAll(async () => {
    first = await startApp({ database: "postgres" });
    second = await startApp({ database: "postgres", databaseUrl: first.databaseUrl });
    incidentId = (await first.api.post("/api/v1/incidents", { title: "Regional failover drill", severity: "SEV3" })).body.incident.id;
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it("runs two processes that both answer", async () => {
    expect(first.baseUrl).not.toBe(second.baseUrl);
    expect((await second.api.get(`/api/v1/incidents/${incidentId}`)).status).toBe(200);
  });

  it("delivers an entry posted to the first instance to a stream on the second within 2 s", async () => {
    const onSecond = await streamFrom(second);
    const posted = await first.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "Posted on instance A." });
    const postedAt = performance.now();
    expect(posted.status).toBe(201);
    const event = await onSecond.waitForEvent((e) => Number(e.id) === posted.body.entry.seq, ACROSS_WITHIN_MS * 2);
    expect(event.receivedAt - postedAt).toBeLessThan(ACROSS_WITHIN_MS);
    expect(event.event).toBe("timeline.created");
    expect(JSON.parse(event.data)).toEqual(posted.body.entry);
  });

  it("works the other way round too, and both streams agree on the order", async () => {
    const onFirst = await streamFrom(first);
    const onSecond = await streamFrom(second);
    const a = await first.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "From A." });
    const b = await second.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "From B." });
    const lastSeq = Math.max(a.body.entry.seq, b.body.entry.seq);
    await onFirst.waitForEvent((e) => Number(e.id) === lastSeq, ACROSS_WITHIN_MS);
    await onSecond.waitForEvent((e) => Number(e.id) === lastSeq, ACROSS_WITHIN_MS);
    const order = (client: EventStreamClient) => client.events.map((e) => `${e.id} ${e.event}`);
    expect(order(onFirst)).toEqual(order(onSecond));
    expect(onFirst.events.map((e) => JSON.parse(e.data).body)).toEqual(["From A.", "From B."]);
  });

  it("lets a client that reconnects to the other instance resume with Last-Event-ID", async () => {
    const onFirst = await streamFrom(first);
    const seen = (await first.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "Seen on A." })).body.entry;
    await onFirst.waitForEvent((e) => Number(e.id) === seen.seq);
    onFirst.close();
    const missed = (await first.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "Missed while moving to B." })).body.entry;
    const onSecond = await openEventStream(`${second.baseUrl}/api/v1/incidents/${incidentId}/events`, { token: second.adminToken, lastEventId: seen.seq });
    open.push(onSecond);
    const [replayed] = await onSecond.waitForCount(1);
    expect(Number(replayed.id)).toBe(missed.seq);
    expect(JSON.parse(replayed.data).body).toBe("Missed while moving to B.");
  });

  it("shows an update published on the first instance on the second instance's status page within 1 s", async () => {
    const published = await first.api.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Published through instance A; readers of instance B see it too.",
      publish: true,
    });
    expect(published.status).toBe(201);
    expect(published.body.update.state).toBe("published");
    const returned = performance.now();
    let seenAfter = Infinity;
    while (performance.now() - returned < 5_000) {
      const summary = (await (await fetch(`${second.baseUrl}/api/v2/incidents/unresolved.json`)).json()) as { incidents: { id: string }[] };
      if (summary.incidents.some((i) => i.id === incidentId)) {
        seenAfter = performance.now() - returned;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seenAfter).toBeLessThan(1_000);
    const page = await (await fetch(`${second.baseUrl}/status`)).text();
    expect(page).toContain("Published through instance A; readers of instance B see it too.");
  });
});
