// Bulk row writers for the seed: multi-row INSERTs inside transactions, straight through the
// drivers (better-sqlite3, pg), so a million rows take seconds to minutes, not hours. The search
// triggers (SQLite) and GIN indexes (Postgres) stay in place: the seed pays for indexing as the
// app would, and its duration includes it.
import Database from "better-sqlite3";
import pg from "pg";
import type { Row } from "./data.ts";

export interface RowWriter {
  insert(table: string, rows: Row[]): Promise<void>;
  /** Runs `work` in one transaction. */
  transaction(work: () => Promise<void>): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

/** SQLite stores Prisma's DateTime as ISO text with an explicit offset, booleans as 0/1. */
function sqliteValue(value: Row[string]): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

export function sqliteWriter(path: string): RowWriter {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const statements = new Map<string, Database.Statement>();
  // 32,766 parameters at most per statement; rows of ~15 columns, so at most 1,000 rows.
  const ROWS_PER_STATEMENT = 500;
  const statement = (table: string, columns: string[], rows: number) => {
    const key = `${table}|${columns.join(",")}|${rows}`;
    let s = statements.get(key);
    if (!s) {
      const one = `(${columns.map(() => "?").join(", ")})`;
      s = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${Array(rows).fill(one).join(", ")}`);
      statements.set(key, s);
    }
    return s;
  };
  return {
    async insert(table, rows) {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]!);
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
        statement(table, columns, chunk.length).run(chunk.flatMap((r) => columns.map((c) => sqliteValue(r[c]!))));
      }
    },
    async transaction(work) {
      db.exec("BEGIN IMMEDIATE");
      try {
        await work();
        db.exec("COMMIT");
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
      if (statement.reader) return statement.all(...(params as unknown[])) as T[];
      statement.run(...(params as unknown[]));
      return [];
    },
    async close() {
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}

/** Postgres takes DateTime as timestamp(3) without zone: ISO text in UTC is read as that instant. */
function postgresValue(value: Row[string]): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}

export async function postgresWriter(url: string): Promise<RowWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // 65,535 parameters at most per statement.
  const ROWS_PER_STATEMENT = 2000;
  return {
    async insert(table, rows) {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]!);
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
        const params: unknown[] = [];
        const values = chunk.map((r) => `(${columns.map((c) => `$${params.push(postgresValue(r[c]!))}`).join(", ")})`);
        await client.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${values.join(", ")}`, params);
      }
    },
    async transaction(work) {
      await client.query("BEGIN");
      try {
        await work();
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}
