// A scribe's entry while the SQLite file's write lock is held by another process (a backup, a
// stuck migration, the worker): the write must fail as the room's outbox expects to retry it,
// 503 in the API's one error shape with Retry-After, within a bound, not a 500; and the same
// entry, retried with its idempotency key once the lock is gone, lands exactly once.
// (On Postgres the same promise is shown by status-page-db-down.postgres.test.ts.)
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
    locker.exec("BEGIN EXCLUSIVE");
    const started = Date.now();
    const refused = await app.api.post(timeline, { body: "Rolled back deploy 4812", idempotencyKey: "scribe-7-entry-1" });
    expect(refused.body, `${refused.status} ${JSON.stringify(refused.body)}`).toEqual({
      error: { code: "unavailable", message: expect.stringMatching(/try again/), fields: {} },
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(Date.now() - started).toBeLessThan(15_000);
    // The public page is read from its snapshot, so it stays up.
    expect((await fetch(`${app.baseUrl}/api/v2/summary.json`)).status).toBe(200);

    locker.exec("COMMIT");
    const retried = await app.api.post(timeline, { body: "Rolled back deploy 4812", idempotencyKey: "scribe-7-entry-1" });
    expect(retried.status).toBe(201);
    const again = await app.api.post(timeline, { body: "Rolled back deploy 4812", idempotencyKey: "scribe-7-entry-1" });
    expect(again.status).toBe(200);
    expect(again.body.entry.seq).toBe(retried.body.entry.seq);
    const bodies = ((await app.api.get(timeline)).body.entries as { body: string }[]).map((e) => e.body);
    expect(bodies.filter((b) => b === "Rolled back deploy 4812")).toHaveLength(1);
  });
});
