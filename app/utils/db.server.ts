// The one database client. DATABASE_URL chooses SQLite (file:) or Postgres (postgres://).
// Both generated clients come from the same schema (the Postgres one is derived), so the
// SQLite client's types describe both. docs/decisions/0001-database.md explains the rules.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";
import { isDatabaseUnavailable } from "./database-errors.ts";
import { databaseDoesNotAnswer, DomainError, isDatabaseOutage } from "./errors.ts";
import { env, isPostgres, sqliteFilePath } from "./env.server.ts";
import { singleton } from "./singleton.ts";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export * as Model from "~/generated/prisma-sqlite/client.ts";

/** SQLite's wait for a write lock another process holds. better-sqlite3 waits on the main thread, so every request waits with it: kept short. */
const SQLITE_BUSY_TIMEOUT_MS = 250;
/** After SQLite reported its write lock held, transactions and writes are refused at once for this long, then tried again. */
const SQLITE_LOCKED_PAUSE_MS = 2_000;
const WRITES = /^(create|update|upsert|delete)|^\$executeRaw/;

function connect(url: string): Db {
  if (isPostgres(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return answering(new PostgresClient({ adapter }) as unknown as Db, false);
  }
  const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return answering(new SqliteClient({ adapter }), true);
}

/**
 * The client every module uses, with one rule for a database that does not answer (down,
 * refusing connections, out of connections, its file locked): whatever the call, a model read,
 * a raw query or a whole transaction, it throws the `unavailable` refusal (databaseDoesNotAnswer),
 * which a route's boundary answers 503 with Retry-After (the room's outbox retries it). On SQLite a lock also pauses
 * writes for a moment, so requests do not each stall the process for the busy timeout.
 * docs/decisions/0027-database-unavailable.md
 */
function answering(base: Db, sqlite: boolean): Db {
  let writesPausedUntil = 0;
  // The cause goes with it, and into a log line when a loop outside a request logs it.
  const refuse = (cause: unknown): DomainError => databaseDoesNotAnswer(cause);
  const rethrow = (error: unknown): never => {
    if (error instanceof DomainError || !isDatabaseUnavailable(error)) throw error;
    if (sqlite) writesPausedUntil = Date.now() + SQLITE_LOCKED_PAUSE_MS;
    throw refuse(error);
  };
  const pausedWrites = () =>
    sqlite && Date.now() < writesPausedUntil ? refuse(new Error("writes paused: the SQLite file was locked a moment ago")) : null;
  const transaction = base.$transaction.bind(base) as (...args: unknown[]) => Promise<unknown>;
  return base.$extends({
    name: "database-unavailable",
    client: {
      async $transaction(...args: unknown[]) {
        const paused = pausedWrites();
        if (paused) throw paused;
        return transaction(...args).catch(rethrow);
      },
    },
    query: {
      async $allOperations({ operation, args, query }) {
        const paused = WRITES.test(operation) ? pausedWrites() : null;
        if (paused) throw paused;
        return query(args).catch(rethrow);
      },
    },
  }) as unknown as Db;
}

/**
 * The shared client. With SQLite one connection serves the process and the adapter
 * serialises transactions on it, so every write goes through `db.$transaction`.
 */
export const db: Db = singleton("db", () => connect(env().DATABASE_URL));

/** A write that may wait for another time (a "last used" time): skipped while the database does not take writes, so a read still succeeds. */
export async function unlessUnavailable(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDatabaseOutage(error)) throw error;
  }
}

export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
