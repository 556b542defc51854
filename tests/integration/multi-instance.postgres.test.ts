// Several app instances on one Postgres database: live events cross between them through
// LISTEN/NOTIFY, and what one instance publishes or changes in the catalog, the other serves within
// a second (issue 17, item 3). Runs only when TEST_DATABASE_URL names a Postgres server (vitest.config.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";
import { openEventStream, type EventStreamClient } from "../setup/sse-client.ts";

const ACROSS_WITHIN_MS = 2_000;
/** Issue 17, item 3: what one instance publishes (or changes in the catalog), every instance serves within a second. */
const SERVED_BY_THE_OTHER_WITHIN_MS = 1_000;

describe("two instances on one Postgres database", () => {
  let first: TestApp;
  let second: TestApp;
  let incidentId: string;
  const open: EventStreamClient[] = [];

  async function streamFrom(app: TestApp) {
    const { lastSeq } = (await app.api.get(`/api/v1/incidents/${incidentId}`)).body.incident;
    const client = await openEventStream(`${app.baseUrl}/api/v1/incidents/${incidentId}/events`, {
      token: app.adminToken,
      lastEventId: lastSeq,
    });
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
    const onSecond = await openEventStream(`${second.baseUrl}/api/v1/incidents/${incidentId}/events`, {
      token: second.adminToken,
      lastEventId: seen.seq,
    });
    open.push(onSecond);
    const [replayed] = await onSecond.waitForCount(1);
    expect(Number(replayed.id)).toBe(missed.seq);
    expect(JSON.parse(replayed.data).body).toBe("Missed while moving to B.");
  });

  it("shows an update published on the first instance on the second instance's /status and summary.json within 1 s", async () => {
    const words = "Published through instance A; readers of instance B see it too.";
    const published = await first.api.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: words,
      publish: true,
    });
    expect(published.status).toBe(201);
    expect(published.body.update.state).toBe("published");
    const ms = await msUntilTheOtherServes(second, {
      summary: (json) => json.incidents.some((i) => i.id === incidentId && i.incident_updates.some((u) => u.body === words)),
      status: (html) => html.includes(words),
    });
    console.info(`publish on A -> on B's /status and summary.json after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(SERVED_BY_THE_OTHER_WITHIN_MS);
  });

  it("shows a catalog change made on the first instance on the second instance's /status and summary.json within 1 s", async () => {
    const component = ((await first.api.get("/api/v1/components")).body.components as { id: string; group: boolean }[]).find(
      (c) => !c.group,
    )!;
    const name = `Ledger API ${Math.random().toString(36).slice(2, 8)}`;
    expect((await first.api.patch(`/api/v1/components/${component.id}`, { name })).status).toBe(200);
    const ms = await msUntilTheOtherServes(second, {
      summary: (json) => json.components.some((c) => c.id === component.id && c.name === name),
      status: (html) => html.includes(name),
    });
    console.info(`catalog rename on A -> on B's /status and summary.json after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(SERVED_BY_THE_OTHER_WITHIN_MS);
  });
});

type Summary = { components: { id: string; name: string }[]; incidents: { id: string; incident_updates: { body: string }[] }[] };

/** From now until `app` serves both /api/v2/summary.json and /status as the checks want (Infinity after 5 s). */
async function msUntilTheOtherServes(app: TestApp, wants: { summary: (json: Summary) => boolean; status: (html: string) => boolean }) {
  const since = performance.now();
  let summarySeen = false;
  let statusSeen = false;
  while (performance.now() - since < 5_000) {
    summarySeen ||= wants.summary((await (await fetch(`${app.baseUrl}/api/v2/summary.json`)).json()) as Summary);
    statusSeen ||= wants.status(await (await fetch(`${app.baseUrl}/status`)).text());
    if (summarySeen && statusSeen) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Infinity;
}
