// Upgrading a database that already holds incidents, entries and post-mortems: the search
// migration indexes what is there (a deleted entry excepted), and post-mortem sections written
// before it get their plain text from their JSON, so all of it is found once the app starts.
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

/** The migrations before the search migration, copied into a folder of their own. */
function migrationsBeforeSearch(dir: string): string {
  const names = readdirSync(path.join(REPO_ROOT, dir))
    .filter((n) => /^\d+_/.test(n))
    .sort();
  const search = names.find((n) => n.endsWith("_search"))!;
  const into = mkdtempSync(path.join(tmpdir(), "before-search-"));
  copies.push(into);
  for (const name of names.filter((n) => n < search)) cpSync(path.join(REPO_ROOT, dir, name), path.join(into, name), { recursive: true });
  return into;
}

/** `?` placeholders as Postgres's $1, $2, … */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const at = "2026-10-01T12:00:00.000Z";
const doc = (text: string) =>
  JSON.stringify({
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "The " },
          { type: "text", text, marks: [{ type: "bold" }] },
        ],
      },
    ],
  });
const ROWS: [string, unknown[]][] = [
  [
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES (?, ?, ?, ?, ?)`,
    ["u00000000001", "old-admin@example.com", "Old Admin", "x", "admin"],
  ],
  [
    `INSERT INTO "Incident" ("id", "number", "title", "summary", "severity", "startedAt", "detectedAt", "declaredById", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ["i00000000001", 1, "Walrus gateway outage", "Requests to the gateway failed.", "SEV2", at, at, "u00000000001", at],
  ],
  [
    `INSERT INTO "TimelineEntry" ("id", "incidentId", "seq", "kind", "doc", "text", "occurredAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ["e00000000001", "i00000000001", 1, "note", doc("narwhal queue stalled"), "The narwhal queue stalled", at],
  ],
  [
    `INSERT INTO "TimelineEntry" ("id", "incidentId", "seq", "kind", "doc", "text", "occurredAt", "deletedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ["e00000000002", "i00000000001", 2, "note", doc("ocelot cache burned"), "The ocelot cache burned", at, at],
  ],
  [
    `INSERT INTO "Postmortem" ("id", "incidentId", "title", "authorId", "updatedAt") VALUES (?, ?, ?, ?, ?)`,
    ["p00000000001", "i00000000001", "INC-1: Walrus gateway outage", "u00000000001", at],
  ],
  [
    `INSERT INTO "PostmortemSection" ("id", "postmortemId", "key", "position", "doc", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
    ["s00000000001", "p00000000001", "root_cause", 3, doc("zeppelin config drifted"), at],
  ],
];

async function fillOldDatabase(kind: "sqlite" | "postgres", url: string) {
  if (kind === "sqlite") {
    const file = url.slice("file:".length);
    migrateSqlite(file, migrationsBeforeSearch("prisma/migrations"));
    const db = new Database(file);
    for (const [sql, params] of ROWS) db.prepare(sql).run(...(params as unknown[]));
    db.close();
    return;
  }
  await migratePostgres(url, migrationsBeforeSearch("prisma/postgres/migrations"));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [sql, params] of ROWS) await client.query(numbered(sql), params);
  await client.end();
}

describe.each(databases())("the search migration on a %s database with data", (kind) => {
  let database: TestDatabase;
  let app: TestApp;
  const search = async (q: string) => {
    const res = await app.api.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results as { kind: string; link: string; snippet: { text: string; match: boolean }[] }[];
  };

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

  it("finds the incidents and live entries that were already there", async () => {
    expect((await search("walrus gateway"))[0]).toMatchObject({ kind: "incident", link: "/incidents/INC-1" });
    expect(await search("narwhal")).toMatchObject([{ kind: "entry", link: "/incidents/INC-1?entry=1#entry-1" }]);
  });

  it("does not find an entry deleted before the upgrade", async () => {
    expect(await search("ocelot")).toEqual([]);
  });

  it("finds a post-mortem section written before the upgrade, by the text of its JSON", async () => {
    const [found] = await search("zeppelin drifted");
    expect(found).toMatchObject({ kind: "postmortem", link: "/postmortems/p00000000001#section-root_cause" });
    expect(found!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(expect.arrayContaining(["zeppelin"]));
  });
});
