// What audit-log.test.ts reads: an audit event as the API gives it, the app's own database client for raw SQL
// straight at the database (whose refusals the test checks), and today's and a later day's date.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";

export type Event = {
  id: string;
  at: string;
  action: string;
  actionText: string;
  actor: { kind: string; name?: string; email?: string; token?: { id: string; name: string } | null };
  entity: { type: string; id: string; label: string | null; link: string | null };
  before: any;
  after: any;
};

type Raw = { $executeRawUnsafe(sql: string): Promise<number>; $disconnect(): Promise<void> };

/** The app's own database client, for raw SQL straight at the database. */
export function rawClient(databaseUrl: string): Raw {
  return databaseUrl.startsWith("file:")
    ? (new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5000 }) }) as unknown as Raw)
    : (new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) }) as unknown as Raw);
}

export const today = () => new Date().toISOString().slice(0, 10);
export const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
