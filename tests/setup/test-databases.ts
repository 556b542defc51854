// Fresh databases for tests. A template is migrated and loaded with the demo data once per
// run (by starting the app on it); every test file then gets a copy, which is much faster
// than migrating and seeding again. Without a template the app migrates and seeds itself.
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { ADMIN_TOKEN, spawnApp } from "./app-process.ts";

export type DatabaseKind = "sqlite" | "postgres";

export type TestDatabase = { url: string; drop(): Promise<void> };

/** Per-run database names carry their creation time, so a later run can drop what a crashed one left. */
const PREFIX = "itest_";
const STALE_AFTER_S = 6 * 60 * 60;

function databaseName(kind: string): string {
  return `${PREFIX}${Math.floor(Date.now() / 1000)}_${kind}_${randomBytes(4).toString("hex")}`;
}

export function postgresAdminUrl(): string | null {
  return process.env.TEST_DATABASE_URL || null;
}

function urlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement as the Postgres administrator of TEST_DATABASE_URL (to cut a database off and back). */
export async function asPostgresAdmin(sql: string): Promise<void> {
  await withAdmin(postgresAdminUrl()!, (client) => client.query(sql));
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function createSqliteDatabase(template: string | null): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "incident-desk-test-"));
  const file = path.join(dir, "app.db");
  if (template) copyFileSync(template, file);
  return { url: `file:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function createPostgresDatabase(adminUrl: string, template: string | null): Promise<TestDatabase> {
  const name = databaseName("db");
  await withAdmin(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
        return;
      } catch (error) {
        // 55006: the template still has a session (a server that stopped a moment ago).
        if ((error as { code?: string }).code !== "55006" || attempt >= 40) throw error;
        await delay(250);
      }
    }
  });
  return { url: urlFor(adminUrl, name), drop: () => dropPostgresDatabase(adminUrl, name) };
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops test databases older than a few hours: what interrupted runs left behind. */
export async function dropStalePostgresDatabases(adminUrl: string): Promise<void> {
  const { rows } = await withAdmin(adminUrl, (client) =>
    client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`),
  );
  const now = Date.now() / 1000;
  for (const { datname } of rows) {
    const created = Number(/^itest_(\d+)_/.exec(datname)?.[1] ?? now);
    if (now - created > STALE_AFTER_S) await dropPostgresDatabase(adminUrl, datname);
  }
}

async function loadDemoDataThroughTheApp(databaseUrl: string): Promise<void> {
  const app = await spawnApp({ DATABASE_URL: databaseUrl, SEED_DEMO_DATA: "auto", BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN });
  await app.stop();
}

export async function createSqliteTemplate(dir: string): Promise<string> {
  const file = path.join(dir, "template.db");
  await loadDemoDataThroughTheApp(`file:${file}`);
  // Fold the write-ahead log into the main file, so copying that one file copies everything.
  const db = new Database(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return file;
}

/** Returns the template database's name. */
export async function createPostgresTemplate(adminUrl: string): Promise<string> {
  const name = databaseName("template");
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  await loadDemoDataThroughTheApp(urlFor(adminUrl, name));
  return name;
}
