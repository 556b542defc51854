// Upgrading a database that already holds updates and post-mortems: the contributors migration
// gives each its author and the editors the audit log recorded, so the two-person rule holds for
// what was written before it. An approval given before the upgrade by someone who had edited the
// update no longer counts: it cannot be published on it, and someone else may approve.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres, migrateSqlite } from "../../app/utils/migrate.server.ts";
import { REPO_ROOT } from "../setup/app-process.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { createPostgresDatabase, createSqliteDatabase, postgresAdminUrl, type TestDatabase } from "../setup/test-databases.ts";

const copies: string[] = [];

/** The migrations before the contributors migration, copied into a folder of their own. */
function migrationsBeforeContributors(dir: string): string {
  const names = readdirSync(path.join(REPO_ROOT, dir))
    .filter((n) => /^\d+_/.test(n))
    .sort();
  const contributors = names.find((n) => n.endsWith("_contributors"))!;
  const into = mkdtempSync(path.join(tmpdir(), "before-contributors-"));
  copies.push(into);
  for (const name of names.filter((n) => n < contributors))
    cpSync(path.join(REPO_ROOT, dir, name), path.join(into, name), { recursive: true });
  return into;
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const at = (minute: number) => `2026-10-01T12:${String(minute).padStart(2, "0")}:00.000Z`;
const user = (id: string, email: string, name: string, role: string): [string, unknown[]] => [
  `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES (?, ?, ?, ?, ?)`,
  [id, email, name, "x", role],
];
const audit = (id: string, actorId: string, action: string, entityType: string, entityId: string, minute: number): [string, unknown[]] => [
  `INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "at") VALUES (?, ?, ?, ?, ?, ?)`,
  [id, actorId, action, entityType, entityId, at(minute)],
];

// The first admin owns the bootstrap token the test's API acts with: Priya, who wrote nothing.
const ROWS: [string, unknown[]][] = [
  user("upriya000001", "priya@example.com", "Priya Raman", "admin"),
  user("udana0000001", "dana@example.com", "Dana Whitfield", "responder"),
  user("uelena000001", "elena@example.com", "Elena Marsh", "comms"),
  user("ukenji000001", "kenji@example.com", "Kenji Tanaka", "responder"),
  [
    `INSERT INTO "Incident" ("id", "number", "title", "severity", "startedAt", "detectedAt", "declaredById", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ["i00000000001", 1, "Checkout errors", "SEV1", at(0), at(0), "udana0000001", at(0)],
  ],
  // Dana's SEV1 draft, rewritten by Elena, who then approved it: the attack, before the upgrade.
  [
    `INSERT INTO "StatusUpdate" ("id", "incidentId", "status", "body", "state", "authorId", "approvedById", "approvedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      "s00000000001",
      "i00000000001",
      "investigating",
      "All fixed, nobody affected.",
      "approved",
      "udana0000001",
      "uelena000001",
      at(9),
      at(1),
      at(9),
    ],
  ],
  audit("a00000000001", "udana0000001", "update.drafted", "StatusUpdate", "s00000000001", 1),
  audit("a00000000002", "uelena000001", "update.edited", "StatusUpdate", "s00000000001", 5),
  audit("a00000000003", "uelena000001", "update.edited", "StatusUpdate", "s00000000001", 6),
  audit("a00000000004", "uelena000001", "update.approved", "StatusUpdate", "s00000000001", 9),
  [
    `INSERT INTO "Postmortem" ("id", "incidentId", "title", "authorId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
    ["p00000000001", "i00000000001", "INC-1: Checkout errors", "udana0000001", at(20), at(20)],
  ],
  audit("a00000000005", "ukenji000001", "postmortem.edited", "Postmortem", "p00000000001", 25),
  audit("a00000000006", "uelena000001", "postmortem.section_replaced", "Postmortem", "p00000000001", 30),
  audit("a00000000007", "upriya000001", "postmortem.submitted", "Postmortem", "p00000000001", 31),
];

async function fillOldDatabase(kind: "sqlite" | "postgres", url: string) {
  if (kind === "sqlite") {
    const file = url.slice("file:".length);
    migrateSqlite(file, migrationsBeforeContributors("prisma/migrations"));
    const db = new Database(file);
    for (const [sql, params] of ROWS) db.prepare(sql).run(...(params as unknown[]));
    db.close();
    return;
  }
  await migratePostgres(url, migrationsBeforeContributors("prisma/postgres/migrations"));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [sql, params] of ROWS) await client.query(numbered(sql), params);
  await client.end();
}

describe.each(databases())("the contributors migration on a %s database with data", (kind) => {
  let database: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    database = kind === "sqlite" ? await createSqliteDatabase(null) : await createPostgresDatabase(postgresAdminUrl()!, null);
    await fillOldDatabase(kind, database.url);
    app = await startApp({ database: kind, databaseUrl: database.url, env: { SEED_DEMO_DATA: "never" } });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it("lists the author and the editors the audit log recorded, once each, in the order they first wrote", async () => {
    const update = (await app.api.get("/api/v1/updates/s00000000001")).body.update;
    expect(update.contributors).toEqual([
      { id: "udana0000001", name: "Dana Whitfield" },
      { id: "uelena000001", name: "Elena Marsh" },
    ]);
    const postmortem = (await app.api.get("/api/v1/postmortems/p00000000001")).body.postmortem;
    expect(postmortem.contributors).toEqual([
      { id: "udana0000001", name: "Dana Whitfield" },
      { id: "ukenji000001", name: "Kenji Tanaka" },
      { id: "uelena000001", name: "Elena Marsh" },
    ]);
  });

  it("does not let an approval given by an editor before the upgrade publish the update; someone who wrote nothing may approve it", async () => {
    const refused = await app.api.post("/api/v1/updates/s00000000001/publish");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^Whoever approved this update also wrote part of it/);
    expect(await (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).text()).not.toContain("All fixed, nobody affected.");

    const approved = await app.api.post("/api/v1/updates/s00000000001/approve");
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.update.approvedBy).toEqual({ id: "upriya000001", name: "Priya Raman" });
    expect((await app.api.post("/api/v1/updates/s00000000001/publish")).status).toBe(200);
  });
});
