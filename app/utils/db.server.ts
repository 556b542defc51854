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
