import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { EventStreamError, openEventStream, type EventStreamClient, type StreamedEvent } from "../setup/sse-client.ts";

const LIVE_WITHIN_MS = 1_000;
const HEARTBEAT_MS = 300;

const seqs = (events: StreamedEvent[]) => events.map((e) => Number(e.id));

describe.each(databases())("the incident event stream on %s", (database) => {
  let app: TestApp;
  let incident: { id: string };
  let events: string;
  const open: EventStreamClient[] = [];

  async function connect(lastEventId?: string | number) {
    const client = await openEventStream(`${app.baseUrl}${events}`, { token: app.adminToken, lastEventId });
    open.push(client);
    return client;
  }

  /** A connection that starts at the incident's current sequence: only what happens next. */
  async function connectLive() {
    return connect((await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident.lastSeq);
  }

  async function postEntry(body: string) {
    const response = await app.api.post(`/api/v1/incidents/${incident.id}/timeline`, { body });
    expect(response.status).toBe(201);
    return { entry: response.body.entry, at: performance.now() };
  }

  beforeAll(async () => {
    app = await startApp({ database, env: { SSE_HEARTBEAT_MS: String(HEARTBEAT_MS) } });
    incident = (await app.api.post("/api/v1/incidents", { title: "Websocket disconnects", severity: "SEV2" })).body.incident;
    events = `/api/v1/incidents/${incident.id}/events`;
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });
  afterAll(() => app?.stop());

  it("replays the incident's history from the start, every sequence number once and in order", async () => {
    const client = await connect();
    const { lastSeq } = (await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident;
    const history = await client.waitForCount(lastSeq);
    expect(seqs(history)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    expect(history.map((e) => e.event)).toEqual(expect.arrayContaining(["timeline.created", "incident.updated"]));
  });

  it("delivers new entries live and in order: id is the seq, the type, the entry as JSON", async () => {
    const client = await connectLive();
    const posted: Awaited<ReturnType<typeof postEntry>>[] = [];
    for (const body of ["Disconnect rate 4x baseline.", "Suspect the new load balancer pool.", "Draining pool B."])
      posted.push(await postEntry(body));
    const received = await client.waitForCount(3, 5_000);
    expect(received.map((e) => e.event)).toEqual(["timeline.created", "timeline.created", "timeline.created"]);
    expect(seqs(received)).toEqual(posted.map((p) => p.entry.seq));
    expect(received.map((e) => JSON.parse(e.data))).toEqual(posted.map((p) => p.entry));
    received.forEach((event, i) => expect(event.receivedAt - posted[i].at).toBeLessThan(LIVE_WITHIN_MS));
  });

  it("resumes after Last-Event-ID with exactly what was missed, then live", async () => {
    const first = await connectLive();
    await postEntry("Seen by the first connection.");
    const [seen] = await first.waitForCount(1);
    first.close();

    const missed = [await postEntry("Missed one."), await postEntry("Missed two.")];
    const again = await connect(seen.id!);
    const replayed = await again.waitForCount(2);
    expect(seqs(replayed)).toEqual(missed.map((m) => m.entry.seq));
    expect(replayed.map((e) => JSON.parse(e.data).body)).toEqual(["Missed one.", "Missed two."]);

    const live = await postEntry("Live again.");
    const [, , next] = await again.waitForCount(3, LIVE_WITHIN_MS * 5);
    expect(Number(next.id)).toBe(live.entry.seq);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(again.events).toHaveLength(3);
  });

  it("streams edits, deletions and incident changes as typed events with increasing ids", async () => {
    const client = await connectLive();
    const { entry } = await postEntry("Typo in this entyr.");
    await app.api.patch(`/api/v1/incidents/${incident.id}/timeline/${entry.id}`, { body: "Typo fixed in this entry." });
    await app.api.delete(`/api/v1/incidents/${incident.id}/timeline/${entry.id}`);
    const updated = (await app.api.patch(`/api/v1/incidents/${incident.id}`, { severity: "SEV1" })).body.incident;

    const last = await client.waitForEvent((e) => e.event === "incident.updated" && Number(e.id) === updated.lastSeq);
    const all = client.events.slice(0, client.events.indexOf(last) + 1);
    const types = all.map((e) => e.event);
    expect(types.slice(0, 3)).toEqual(["timeline.created", "timeline.updated", "timeline.deleted"]);
    expect(types).toContain("incident.updated");
    expect(JSON.parse(all[1].data)).toMatchObject({ id: entry.id, seq: entry.seq, body: "Typo fixed in this entry." });
    expect(JSON.parse(all[2].data)).toMatchObject({ id: entry.id, deletedAt: expect.any(String), body: "" });
    expect(JSON.parse(last.data)).toMatchObject({ id: incident.id, severity: "SEV1" });
    const ids = seqs(all);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sends heartbeat comments while nothing happens", async () => {
    const client = await connectLive();
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS * 3));
    expect(client.comments).toContain("heartbeat");
    // The named heartbeat lets a browser notice a dead stream; without an id it leaves Last-Event-ID alone.
    expect(client.heartbeats.length).toBeGreaterThan(0);
    expect(client.heartbeats.every((h) => h.id === null)).toBe(true);
    expect(client.closed).toBe(false);
  });

  it("refuses a stream without a token (401) and a Last-Event-ID that is not a number (400)", async () => {
    await expect(openEventStream(`${app.baseUrl}${events}`)).rejects.toMatchObject({ status: 401 });
    const error = await openEventStream(`${app.baseUrl}${events}`, { token: app.adminToken, lastEventId: "yesterday" }).catch((e) => e);
    expect(error).toBeInstanceOf(EventStreamError);
    expect(error.status).toBe(400);
    await expect(openEventStream(`${app.baseUrl}/api/v1/incidents/nosuchincid/events`, { token: app.adminToken })).rejects.toMatchObject({
      status: 404,
    });
  });
});
