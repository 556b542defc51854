// Readiness and draining (issue 17, item 4): /healthz is ready only while the database answers;
// on SIGTERM the instance says "draining" (503) at once, keeps serving everything (pages, writes,
// event streams) for SHUTDOWN_READY_GRACE_MS so a balancer polling /healthz stops sending to it,
// and only then drains as graceful-shutdown.test.ts shows: refuses connections, ends streams, exits 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { openEventStream } from "../setup/sse-client.ts";
import { asPostgresAdmin } from "../setup/test-databases.ts";

const GRACE_MS = 2_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const health = async (app: TestApp) => {
  const response = await fetch(`${app.baseUrl}/healthz`);
  return {
    status: response.status,
    body: (await response.json()) as { status: string; failing?: string[] },
    cache: response.headers.get("cache-control"),
  };
};

describe.each(databases())("readiness and draining on %s", (database) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ database, env: { SHUTDOWN_READY_GRACE_MS: String(GRACE_MS) } });
  });
  afterAll(() => app?.stop());

  it("on SIGTERM says draining at once, keeps serving for the grace, then refuses connections and exits 0", async () => {
    expect(await health(app)).toMatchObject({ status: 200, body: { status: "ok" } });
    const incident = (await app.api.post("/api/v1/incidents", { title: `Draining on ${database}`, severity: "SEV3" })).body.incident;
    const stream = await openEventStream(`${app.baseUrl}/api/v1/incidents/${incident.id}/events`, {
      token: app.adminToken,
      lastEventId: incident.lastSeq,
    });

    const signalled = performance.now();
    process.kill(app.pid, "SIGTERM");
    await delay(200);
    const draining = await health(app);
    expect(draining.status).toBe(503);
    expect(draining.body).toMatchObject({ status: "draining", error: { code: "draining" } });
    expect(draining.cache).toBe("no-store");

    // Still serving within the grace: a read, a write, and the live stream carrying it.
    expect((await app.api.get(`/api/v1/incidents/${incident.id}`)).status).toBe(200);
    const posted = await app.api.post(`/api/v1/incidents/${incident.id}/timeline`, { body: "Written while the instance drains." });
    expect(posted.status).toBe(201);
    const event = await stream.waitForEvent((e) => Number(e.id) === posted.body.entry.seq, 1_000);
    expect(JSON.parse(event.data).body).toBe("Written while the instance drains.");
    expect(performance.now() - signalled).toBeLessThan(GRACE_MS);
    expect((await health(app)).body.status).toBe("draining");

    // After the grace: the drain as before.
    let refusedAfter = Infinity;
    while (performance.now() - signalled < GRACE_MS + 3_000) {
      const refused = await fetch(`${app.baseUrl}/healthz`).then(
        () => false,
        () => true,
      );
      if (refused) {
        refusedAfter = performance.now() - signalled;
        break;
      }
      await delay(50);
    }
    console.info(`SIGTERM -> connections refused after ${refusedAfter.toFixed(0)} ms (grace ${GRACE_MS} ms)`);
    expect(refusedAfter).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(refusedAfter).toBeLessThan(GRACE_MS + 1_000);
    for (let i = 0; i < 40 && !stream.closed; i++) await delay(50);
    expect(stream.closed).toBe(true);
    expect(stream.retries.at(-1)).toBeGreaterThanOrEqual(1_000);
    expect(await Promise.race([app.exited, delay(10_000).then(() => null)])).toEqual({ code: 0, signal: null });
    expect(await app.db.count("TimelineEntry", `"id" = ?`, posted.body.entry.id)).toBe(1);
  });
});

// Postgres only: a shared database that stops answering one instance (cut off here as in database-unavailable.postgres.test.ts).
describe.each(databases().filter((d) => d === "postgres"))("readiness while the database does not answer, on %s", (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ database });
  });
  afterAll(() => app?.stop());

  it("says unavailable, naming the database, while Postgres refuses it, and ready again by itself", async () => {
    const name = new URL(app.databaseUrl).pathname.slice(1);
    try {
      await asPostgresAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await asPostgresAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
      const down = await health(app);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: "unavailable", failing: ["database"] });
      expect(down.cache).toBe("no-store");
    } finally {
      await asPostgresAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    let up = await health(app);
    for (let i = 0; i < 50 && up.status !== 200; i++) {
      await delay(100);
      up = await health(app);
    }
    expect(up).toMatchObject({ status: 200, body: { status: "ok" } });
  });
});
