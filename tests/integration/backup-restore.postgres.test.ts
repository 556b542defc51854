// npm run backup on Postgres (pg_dump, custom format) while the app runs and writes, then the
// restore docs/operations.md gives, into a new database, and the app started on it: every entry
// acknowledged before the backup began is served, and the audit log is still unchangeable there
// (its triggers came along). `npm run restore` itself only prints the Postgres commands.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";
import { runScript } from "../setup/run-script.ts";
import { startWriters } from "../setup/timeline-writers.ts";
import { createPostgresDatabase, postgresAdminUrl, type TestDatabase } from "../setup/test-databases.ts";

describe("backup and restore of a Postgres database", () => {
  let app: TestApp;
  let restoredApp: TestApp | undefined;
  let target: TestDatabase | undefined;
  let incidentId: string;
  const dir = mkdtempSync(path.join(tmpdir(), "incident-desk-pg-backup-"));

  beforeAll(async () => {
    app = await startApp({ database: "postgres" });
    const declared = await app.api.post("/api/v1/incidents", { title: "Backup of the shared database", severity: "SEV2" });
    expect(declared.status).toBe(201);
    incidentId = declared.body.incident.id;
  }, 120_000);
  afterAll(async () => {
    await restoredApp?.stop();
    await target?.drop();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("dumps while writers go on; the documented pg_restore into a new database serves what was acknowledged before", async () => {
    const { acknowledged, stop } = startWriters(app.api, incidentId, 3);
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 50));

    const backupStarted = Date.now();
    const out = path.join(dir, "mid-load.dump");
    const backup = await runScript("backup", ["--out", out], app.databaseUrl);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toBe(out);
    expect(statSync(out).size).toBeGreaterThan(10_000);
    await stop();

    // "restore into a new database and point DATABASE_URL at it" (docs/operations.md)
    target = await createPostgresDatabase(postgresAdminUrl()!, null);
    const restore = spawnSync("pg_restore", ["--no-owner", `--dbname=${target.url}`, out], { encoding: "utf8" });
    expect(restore.status, restore.stderr).toBe(0);

    restoredApp = await startApp({ database: "postgres", databaseUrl: target.url });
    const served = await restoredApp.api.get(`/api/v1/incidents/${incidentId}/timeline?limit=5000`);
    expect(served.status).toBe(200);
    const bodies = (served.body.entries as { body: string }[]).map((e) => e.body);
    const before = acknowledged.filter((a) => a.at < backupStarted);
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.filter((a) => !bodies.some((b) => b.includes(a.body))).map((a) => a.body)).toEqual([]);

    await expect(restoredApp.db.execute(`UPDATE "AuditEvent" SET "action" = 'rewritten'`)).rejects.toThrow(/cannot be changed or deleted/);
    const declared = await restoredApp.api.post("/api/v1/incidents", { title: "Written after the restore", severity: "SEV4" });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  }, 240_000);
});
