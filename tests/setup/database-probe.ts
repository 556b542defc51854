// Reads a test server's database directly, for what the API does not show: audit rows,
// impact history, and proof that rejected input was stored nowhere. Read-only by intent, but
// for `execute`: the one way a test puts the clock back (a session last used 13 hours ago).
// Write SQL once with `?` placeholders and double-quoted identifiers; it runs on both.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { REPO_ROOT } from "./app-process.ts";

export type Row = Record<string, unknown>;

export type DatabaseProbe = {
  rows<T extends Row = Row>(sql: string, ...params: unknown[]): Promise<T[]>;
  count(table: string, where?: string, ...params: unknown[]): Promise<number>;
  /** Runs one UPDATE or DELETE; returns the rows changed. Instants as Date (stored as the app stores them). */
  execute(sql: string, ...params: unknown[]): Promise<number>;
  close(): Promise<void>;
};

/** The tables a write could touch; their sizes prove that rejected input left no trace. */
export const STORED_TABLES = [
  "Incident",
  "IncidentComponent",
  "IncidentRegion",
  "IncidentEvent",
  "TimelineEntry",
  "TimelineEntryRevision",
  "Component",
  "ComponentRegion",
  "AuditEvent",
] as const;

export function openProbe(databaseUrl: string): DatabaseProbe {
  return databaseUrl.startsWith("file:") ? sqliteProbe(databaseUrl.slice("file:".length)) : postgresProbe(databaseUrl);
}

function countWith(rows: DatabaseProbe["rows"]): DatabaseProbe["count"] {
  return async (table, where, ...params) => {
    const [row] = await rows<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table}"${where ? ` WHERE ${where}` : ""}`, ...params);
    return Number(row.n);
  };
}

function sqliteProbe(file: string): DatabaseProbe {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const rows = async <T extends Row>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  let writer: Database.Database | undefined;
  // Prisma's SQLite adapter stores instants as ISO text with "+00:00"
  const stored = (p: unknown) => (p instanceof Date ? p.toISOString().replace("Z", "+00:00") : p);
  const execute = async (sql: string, ...params: unknown[]) => {
    writer ??= new Database(file, { fileMustExist: true, timeout: 5000 });
    return writer.prepare(sql).run(...params.map(stored)).changes;
  };
  return { rows, count: countWith(rows), execute, close: async () => void (db.close(), writer?.close()) };
}

function postgresProbe(url: string): DatabaseProbe {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const rows = async <T extends Row>(sql: string, ...params: unknown[]) => {
    let n = 0;
    const { rows } = await pool.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return rows as T[];
  };
  const execute = async (sql: string, ...params: unknown[]) => {
    let n = 0;
    return (
      (
        await pool.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rowCount ?? 0
    );
  };
  return { rows, count: countWith(rows), execute, close: () => pool.end() };
}

/** Every table of the schema, the folder prisma/schema/ (a model's table has its name; the schema maps none). */
export function everyTable(): string[] {
  const folder = path.join(REPO_ROOT, "prisma/schema");
  const files = readdirSync(folder).filter((name) => name.endsWith(".prisma"));
  const schema = files.map((name) => readFileSync(path.join(folder, name), "utf8")).join("\n");
  if (/@@map\(/.test(schema)) throw new Error("a model maps its table name: read @@map here");
  const tables = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
  if (tables.length === 0) throw new Error("prisma/schema/ holds no model");
  return tables;
}

/** Sizes of the tables (by default those in STORED_TABLES). */
export async function tableSizes(probe: DatabaseProbe, tables: readonly string[] = STORED_TABLES): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const table of tables) sizes[table] = await probe.count(table);
  return sizes;
}

/** JSON columns come back as text from SQLite and parsed from Postgres. */
export function jsonColumn<T = unknown>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
