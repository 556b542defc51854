// The kill -9 drill (issue 17, item 2): two instances on one Postgres database sharing Redis,
// behind the shipped deploy/nginx.conf with round-robin everywhere, /collab included. Scribes
// write, viewers watch the room's event stream, an editor types in a post-mortem and comms has
// just published an update whose notices are going out, when the instance the editor is on is
// killed with SIGKILL. Every acknowledged entry is there once; every viewer reconnects through
// nginx with Last-Event-ID and misses nothing; the editor reconnects and nothing typed is lost;
// the update is published once and each subscriber gets one notice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPermanentFailure, retryDelayMs } from "~/components/room/outbox.ts";
import { api, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { collaborate, signIn, waitFor } from "../setup/collab-client.ts";
import { addConfirmedSubscribers, noticesOf, notExactlyOnce, waitUntilSent } from "../setup/delivery-helpers.ts";
import { startNginx, type Nginx } from "../setup/nginx.ts";
import { emptyRedisDatabase } from "../setup/redis.ts";
import { startResendStandIn, type ResendStandIn } from "../setup/resend-stand-in.ts";
import { openEventStream, type EventStreamClient } from "../setup/sse-client.ts";

const READERS = 800;
const SCRIBES = 4;
const VIEWERS = 6;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portOf = (app: TestApp) => Number(new URL(app.baseUrl).port);
const connectedOn = (app: TestApp) =>
  app
    .logs()
    .split("\n")
    .filter((line) => line.includes('"collaborator connected"')).length;

type Scribes = { acknowledged: { key: string; seq: number }[]; retried: Set<string>; failedTries: number; stop(): Promise<void> };

/** Scribes as the room's outbox writes (app/components/room/outbox.ts): one entry at a time, each
 *  keeping its idempotency key across tries, a failure the room would retry retried after its back-off. */
function startScribes(viaNginx: Api, incidentId: string): Scribes {
  const scribes: Scribes = { acknowledged: [], retried: new Set(), failedTries: 0, stop: async () => {} };
  let writing = true;
  const running = Promise.all(
    Array.from({ length: SCRIBES }, async (_, scribe) => {
      for (let n = 0; writing; n++) {
        const key = `drill-${scribe}-${n}`;
        for (let tries = 1; ; tries++) {
          const response = await viaNginx
            .post(`/api/v1/incidents/${incidentId}/timeline`, { body: `Scribe ${scribe}, note ${n}.`, idempotencyKey: key })
            .catch(() => null);
          if (response && (response.status === 201 || response.status === 200)) {
            scribes.acknowledged.push({ key, seq: response.body.entry.seq });
            break;
          }
          if (response && isPermanentFailure(response.status))
            throw new Error(`${key} refused: ${response.status} ${JSON.stringify(response.body)}`);
          scribes.failedTries += 1;
          scribes.retried.add(key);
          await delay(retryDelayMs(tries));
        }
        await delay(20);
      }
    }),
  );
  scribes.stop = async () => {
    writing = false;
    await running;
  };
  return scribes;
}

type Viewer = { ids: number[]; connections: number; stop(): void };

/** A room viewer: the event stream through nginx, reopened with Last-Event-ID whenever it ends, as a browser's EventSource does. */
function watch(url: string, token: string, fromSeq: number): Viewer {
  const viewer: Viewer = { ids: [], connections: 0, stop: () => {} };
  let stopped = false;
  let current: EventStreamClient | null = null;
  viewer.stop = () => {
    stopped = true;
    current?.close();
  };
  void (async () => {
    let last = fromSeq;
    while (!stopped) {
      current = await openEventStream(url, { token, lastEventId: last }).catch(() => null);
      if (!current) {
        await delay(250);
        continue;
      }
      viewer.connections += 1;
      let read = 0;
      const drain = () => {
        for (; read < current!.events.length; read++) {
          const id = current!.events[read].id;
          if (id !== null) viewer.ids.push((last = Number(id)));
        }
      };
      while (!current.closed && !stopped) {
        drain();
        await delay(20);
      }
      drain();
      await delay(Math.min(1_000, current.retries.at(-1) ?? 1_000));
    }
  })();
  return viewer;
}

describe("an instance killed with SIGKILL behind nginx round-robin, on Postgres and Redis", () => {
  let standIn: ResendStandIn;
  let first: TestApp;
  let second: TestApp;
  let nginx: Nginx;
  let viaNginx: Api;
  let readers: string[];

  beforeAll(async () => {
    standIn = await startResendStandIn({ requestsPerSecond: 20 });
    const env = {
      TRUST_PROXY: "1",
      REDIS_URL: await emptyRedisDatabase(),
      LOG_LEVEL: "info",
      RESEND_API_KEY: standIn.apiKey,
      RESEND_BASE_URL: standIn.url,
      EMAIL_REQUESTS_PER_SECOND: "20",
      DELIVERY_LEASE_MS: "3000",
    };
    first = await startApp({ database: "postgres", env });
    second = await startApp({ database: "postgres", databaseUrl: first.databaseUrl, env });
    nginx = await startNginx([portOf(first), portOf(second)], { collabRoundRobin: true });
    viaNginx = api(nginx.baseUrl, first.adminToken);
    readers = await addConfirmedSubscribers(viaNginx, "drill", READERS);
  }, 240_000);
  afterAll(async () => {
    await nginx?.stop();
    await second?.stop();
    await first?.stop();
    await standIn?.close();
  });

  it("loses nothing acknowledged, typed or published when one instance dies", async () => {
    const declared = await viaNginx.post("/api/v1/incidents", { title: "Payments timing out in eu-west", severity: "SEV2" });
    expect(declared.status).toBe(201);
    const incidentId = declared.body.incident.id as string;
    const fromSeq = declared.body.incident.lastSeq as number;

    // The editor, on a post-mortem of an earlier incident.
    const earlier = (await viaNginx.post("/api/v1/incidents", { title: "Card declines after the gateway deploy", severity: "SEV2" })).body
      .incident;
    expect((await viaNginx.patch(`/api/v1/incidents/${earlier.id}`, { status: "resolved" })).status).toBe(200);
    const postmortemId = (await viaNginx.post(`/api/v1/incidents/${earlier.id}/postmortem`)).body.postmortem.id as string;
    const cookie = await signIn(nginx.baseUrl, "responder@northwind.example");
    const before = [connectedOn(first), connectedOn(second)];
    const editor = collaborate(nginx.baseUrl, postmortemId, cookie);
    await editor.synced();
    const [victim, survivor] = connectedOn(first) > before[0] ? [first, second] : [second, first];
    expect(connectedOn(victim)).toBe((victim === first ? before[0] : before[1]) + 1);
    const typed: string[] = [];
    let typing = true;
    const typist = (async () => {
      for (let i = 0; typing; i++) {
        const line = `Line ${i}: the gateway's pool ran dry.`;
        editor.write("root_cause", line);
        typed.push(line);
        await delay(150);
      }
    })();

    const viewers = Array.from({ length: VIEWERS }, () =>
      watch(`${nginx.baseUrl}/api/v1/incidents/${incidentId}/events`, first.adminToken, fromSeq),
    );
    await waitFor(
      () => viewers.filter((v) => v.connections > 0).length,
      (n) => n === VIEWERS,
      "every viewer to connect",
      10_000,
    );
    const scribes = startScribes(viaNginx, incidentId);

    standIn.setDelay(300);
    const published = await viaNginx.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: "Card payments are timing out for some customers in Europe. We are investigating.",
      publish: true,
      notify: true,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.update.state).toBe("published");
    const updateId = published.body.update.id as string;

    // The kill: notices partly out with a batch in the provider's hands, entries arriving, the editor typing.
    const deadline = Date.now() + 60_000;
    while (!(
      noticesOf(standIn, updateId).length >= 200 &&
      standIn.inFlight() > 0 &&
      scribes.acknowledged.length > 10 &&
      typed.length > 3
    )) {
      if (Date.now() > deadline)
        throw new Error(`no moment to kill: ${JSON.stringify(standIn.stats)}, ${scribes.acknowledged.length} entries`);
      await delay(5);
    }
    const atKill = { entries: scribes.acknowledged.length, notices: noticesOf(standIn, updateId).length, typed: typed.length };
    process.kill(victim.pid, "SIGKILL");
    await victim.exited;

    // Work goes on through the survivor for a while, then stops.
    await delay(3_000);
    typing = false;
    await typist;
    await scribes.stop();
    standIn.setDelay(20);
    await waitUntilSent(viaNginx, updateId, READERS, 90_000);

    // Entries: every acknowledged one stored once (an entry written but never acknowledged may be there, once).
    const stored = await survivor.db.rows<{ idempotencyKey: string; seq: number }>(
      `SELECT "idempotencyKey", "seq" FROM "TimelineEntry" WHERE "incidentId" = ? AND "idempotencyKey" LIKE 'drill-%'`,
      incidentId,
    );
    const keys = stored.map((r) => r.idempotencyKey);
    const duplicated = keys.length - new Set(keys).size;
    const missingInDatabase = scribes.acknowledged.filter((a) => !keys.includes(a.key));

    // Viewers: every acknowledged entry's event, none twice.
    const ackedSeqs = scribes.acknowledged.map((a) => a.seq);
    await waitFor(
      () => viewers.map((v) => ackedSeqs.filter((s) => !v.ids.includes(s)).length),
      (missing) => missing.every((n) => n === 0),
      "every viewer to have every acknowledged entry",
      15_000,
    ).catch(() => {});
    const missedByViewers = viewers.map((v) => ackedSeqs.filter((s) => !v.ids.includes(s)).length);
    const duplicatesShown = viewers.map((v) => v.ids.length - new Set(v.ids).size);

    // The editor: reconnected to the survivor, everything typed stored once.
    await editor.sent();
    const rootCause = async () =>
      String(
        ((await viaNginx.get(`/api/v1/postmortems/${postmortemId}`)).body.postmortem.sections as { key: string; markdown: string }[]).find(
          (s) => s.key === "root_cause",
        )?.markdown,
      );
    const markdown = await waitFor(rootCause, (text) => text.includes(typed.at(-1)!), "the last typed line to be stored", 20_000).catch(
      () => rootCause(),
    );
    const linesNotStoredOnce = typed.filter((line) => markdown.split(line).length - 1 !== 1);
    const editorClosed = editor.closes.length;
    editor.destroy();
    for (const viewer of viewers) viewer.stop();

    // The publish: one published update with these words, each subscriber one notice.
    const updates = (await viaNginx.get(`/api/v1/incidents/${incidentId}/updates`)).body.updates as { state: string }[];
    const notices = noticesOf(standIn, updateId);
    const notOnce = notExactlyOnce(
      readers,
      notices.flatMap((e) => e.to),
    );

    console.log(`kill -9 drill: instance :${portOf(victim)} killed, :${portOf(survivor)} survived`);
    const shown = viewers.reduce((n, v) => n + v.connections, 0);
    console.table(
      [
        ["entries acknowledged (at the kill)", `${scribes.acknowledged.length} (${atKill.entries})`],
        ["entries retried with their key / failed tries", `${scribes.retried.size} / ${scribes.failedTries}`],
        ["entries missing / duplicated in the database", `${missingInDatabase.length} / ${duplicated}`],
        ["viewers / stream connections made", `${VIEWERS} / ${shown}`],
        [
          "entry events missed / shown twice",
          `${missedByViewers.reduce((a, b) => a + b, 0)} / ${duplicatesShown.reduce((a, b) => a + b, 0)}`,
        ],
        ["lines typed (at the kill) / not stored once", `${typed.length} (${atKill.typed}) / ${linesNotStoredOnce.length}`],
        ["editor socket closes", `${editorClosed}`],
        [
          "notice recipients / subscribers / not exactly once",
          `${notices.flatMap((e) => e.to).length} / ${READERS} / ${Object.keys(notOnce).length}`,
        ],
        ["notices before the kill / batches replayed by key", `${atKill.notices} / ${standIn.stats.replayed}`],
        ["updates / published", `${updates.length} / ${updates.filter((u) => u.state === "published").length}`],
      ].map(([figure, value]) => ({ figure, value })),
    );

    expect(missingInDatabase).toEqual([]);
    expect(duplicated).toBe(0);
    expect(missedByViewers).toEqual(viewers.map(() => 0));
    expect(duplicatesShown).toEqual(viewers.map(() => 0));
    expect(viewers.reduce((n, v) => n + v.connections, 0)).toBeGreaterThan(VIEWERS); // the victim's viewers came back
    expect(linesNotStoredOnce).toEqual([]);
    expect(editorClosed).toBeGreaterThan(0);
    expect(notOnce).toEqual({});
    expect(standIn.stats.conflicts).toBe(0);
    expect(updates.filter((u) => u.state === "published")).toHaveLength(1);
    expect(updates).toHaveLength(1);
  }, 300_000);
});
