// npm run backup while the app runs and writes, and npm run restore into a stopped app's
// database (SQLite; Postgres: backup-restore.postgres.test.ts). Every entry the app
// acknowledged before the backup began is in the copy; restore refuses while the app has the
// database open, keeps the file it replaces, and the app then serves the restored data.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";
import { runScript } from "../setup/run-script.ts";
import { startWriters } from "../setup/timeline-writers.ts";

const WRITERS = 4;

describe("backup and restore of the SQLite database", () => {
  let app: TestApp;
  let incidentId: string;
  let dbFile: string;

  beforeAll(async () => {
    app = await startApp({ database: "sqlite" });
    dbFile = app.databaseUrl.slice("file:".length);
    const declared = await app.api.post("/api/v1/incidents", { title: "Backup under load", severity: "SEV2" });
    expect(declared.status).toBe(201);
    incidentId = declared.body.incident.id;
  }, 120_000);
  afterAll(() => app?.stop());

  it("copies every acknowledged entry while writers go on, refuses to restore under the running app, and restores into the stopped one", async () => {
    const { acknowledged, stop } = startWriters(app.api, incidentId, WRITERS);
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 50));

    const backupStarted = Date.now();
    const out = path.join(path.dirname(dbFile), "mid-load.db");
    const backup = await runScript("backup", ["--out", out], app.databaseUrl);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toBe(out);
    expect(backup.stderr).toMatch(/integrity ok; .*TimelineEntry \d+/);
    await stop();

    const copy = new Database(out, { readonly: true });
    const inCopy = new Set(
      (copy.prepare(`SELECT "text" AS "body" FROM "TimelineEntry" WHERE "incidentId" = ?`).all(incidentId) as { body: string }[]).map(
        (r) => r.body,
      ),
    );
    copy.close();
    const before = acknowledged.filter((a) => a.at < backupStarted);
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.filter((a) => ![...inCopy].some((stored) => stored.includes(a.body))).map((a) => a.body)).toEqual([]);
    const copied = acknowledged.filter((a) => [...inCopy].some((stored) => stored.includes(a.body)));
    const writtenAfter = acknowledged.length - copied.length;
    expect(writtenAfter, "entries acknowledged after the copy was taken").toBeGreaterThan(0);

    const refused = await runScript("restore", [out], app.databaseUrl);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("open in another process");

    process.kill(app.pid, "SIGTERM");
    expect(await app.exited).toEqual({ code: 0, signal: null });
    const restored = await runScript("restore", [out], app.databaseUrl);
    expect(restored.code, restored.stderr).toBe(0);
    const kept = readdirSync(path.dirname(dbFile)).filter((f) => f.startsWith(`${path.basename(dbFile)}.before-restore-`));
    expect(kept).toHaveLength(1);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);

    const again = await startApp({ database: "sqlite", databaseUrl: app.databaseUrl });
    try {
      const served = await again.api.get(`/api/v1/incidents/${incidentId}/timeline?limit=500`);
      expect(served.status).toBe(200);
      expect(served.body.entries.length).toBe(inCopy.size);
      expect(await again.db.count("TimelineEntry", `"incidentId" = ?`, incidentId)).toBe(inCopy.size);
    } finally {
      await again.stop();
    }
  }, 240_000);
});
