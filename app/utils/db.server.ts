// The one database client. DATABASE_URL chooses SQLite (file:) or Postgres (postgres://).
// Both generated clients come from the same schema (the Postgres one is derived), so the
// SQLite client's types describe both. docs/decisions/0001-database.md explains the rules.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";
import { env, isPostgres, sqliteFilePath } from "./env.server.ts";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export * as Model from "~/generated/prisma-sqlite/client.ts";

function connect(url: string): Db {
  if (isPostgres(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 });
  return new SqliteClient({ adapter });
}

const globalForDb = globalThis as unknown as { __db?: Db };

/**
 * The shared client. With SQLite one connection serves the process and the adapter
 * serialises transactions on it, so every write goes through `db.$transaction`.
 */
export const db: Db = globalForDb.__db ?? (globalForDb.__db = connect(env().DATABASE_URL));

export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

// Prisma's codes for a database that does not answer: not reachable, timed out (SQLite's
// SQLITE_BUSY, a write lock held past the busy timeout, maps here), connection closed, pool timeout.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "SQLITE_BUSY"]);

/** Whether an error means the database is down or locked for now (worth a retry), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === "string" && /database is locked|Connection terminated|connect ECONNREFUSED/.test(e.message)) return true;
  }
  return false;
}
