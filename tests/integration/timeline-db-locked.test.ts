// A scribe's entry while the SQLite file's write lock is held by another process (a backup, a
// stuck migration, the worker): the write must fail as the room's outbox expects to retry it,
// 503 in the API's one error shape with Retry-After, within a bound, not a 500; and the same
// entry, retried with its idempotency key once the lock is gone, lands exactly once.
// While the lock is held, other writes are refused at once and the public page answers without
// waiting behind them. (On Postgres: status-page-db-down and database-unavailable tests.)
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";

describe("a timeline write while the SQLite database is locked", () => {
  let app: TestApp;
  let timeline: string;
  let locker: Database.Database | null = null;

  beforeAll(async () => {
    app = await startApp({ database: "sqlite" });
    const incidentId = (await app.api.post("/api/v1/incidents", { title: "Checkout latency", severity: "SEV2" })).body.incident.id;
    timeline = `/api/v1/incidents/${incidentId}/timeline`;
    expect((await app.api.post(timeline, { body: "Before the lock" })).status).toBe(201);
  });
  afterAll(async () => {
    if (locker?.inTransaction) locker.exec("ROLLBACK");
    locker?.close();
    await app?.stop();
  });

  it("answers 503 unavailable with Retry-After while the lock is held, then stores the retried entry once", async () => {
    locker = new Database(app.databaseUrl.slice("file:".length));
    // The token is due for its "last used" time, a write a read would make on its way.
    locker.exec(`UPDATE "ApiToken" SET "lastUsedAt" = NULL`);
    locker.exec("BEGIN EXCLUSIVE");
    const started = Date.now();
    const refused = await app.api.post(timeline, { body: "Rolled back deploy 4812", idempotencyKey: "scribe-7-entry-1" });
    expect(refused.body, `${refused.status} ${JSON.stringify(refused.body)}`).toEqual({
      error: { code: "unavailable", message: expect.stringMatching(/try again/), fields: {} },
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(Date.now() - started).toBeLessThan(2_000);

    // Reads go on (SQLite's WAL lets them): the "last used" time waits for another request.
    const read = await app.api.get(timeline);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.entries.map((e: { body: string }) => e.body)).toContain("Before the lock");

    // Any write, not only the timeline's, says the same (the database client answers for all).
    const draft = await app.api.post(`${timeline.replace(/\/timeline$/, "")}/updates`, {
      status: "investigating",
      body: "We are looking into slow checkouts.",
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(503);
    expect(draft.body.error.code).toBe("unavailable");

    // Scribes keep posting while the lock is held; the process is not stalled by their waits,
    // so the public page, read from its snapshot, answers at once.
    const burst = Array.from({ length: 20 }, (_, i) => app.api.post(timeline, { body: `During the lock ${i}` }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = Date.now();
    const summary = await fetch(`${app.baseUrl}/api/v2/summary.json`);
    const waited = Date.now() - asked;
    expect(summary.status).toBe(200);
    expect(waited, "the public page waited behind the writes").toBeLessThan(1_000);
    expect(new Set((await Promise.all(burst)).map((r) => r.status))).toEqual(new Set([503]));

    locker.exec("COMMIT");
    // Writes resume within the pause that follows a lock (2 s), as the outbox retries them.
    const unlocked = Date.now();
    let retried = await app.api.post(timeline, { body: "Rolled back deploy 4812", idempotencyKey: "scribe-7-entry-1" });
    while (retried.status === 503 && Date.now() - unlocked < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      retried = await app.api.post(timeline, { body: "Rolled back deploy 4812", idempotencyKey: "scribe-7-entry-1" });
    }
    expect(retried.status).toBe(201);
    expect(Date.now() - unlocked).toBeLessThan(3_000);
    const again = await app.api.post(timeline, { body: "Rolled back deploy 4812", idempotencyKey: "scribe-7-entry-1" });
    expect(again.status).toBe(200);
    expect(again.body.entry.seq).toBe(retried.body.entry.seq);
    const bodies = ((await app.api.get(timeline)).body.entries as { body: string }[]).map((e) => e.body);
    expect(bodies.filter((b) => b === "Rolled back deploy 4812")).toHaveLength(1);
  });
});
