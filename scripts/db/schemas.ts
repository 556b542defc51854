// The Postgres schema is derived from prisma/schema.prisma: same models, another provider
// and another client output. Never edit prisma/postgres/schema.prisma by hand.
import { readFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/db/new-migration.ts. Do not edit.\n";

export function derivePostgresSchema(sqliteSchema: string): string {
  const derived = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./data/app.db"', 'url      = "postgresql://postgres@127.0.0.1:5432/app"')
    .replace('output       = "../app/generated/prisma-sqlite"', 'output       = "../../app/generated/prisma-pg"');
  if (derived === sqliteSchema || !derived.includes("postgresql") || !derived.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma no longer has the datasource or generator lines this script rewrites");
  }
  return HEADER + derived.replace(/^\/\/ The one source of truth[^\n]*\n\/\/[^\n]*\n/, "");
}

/** Turns a derived Postgres schema back into the SQLite schema it came from (for diffs). */
export function sqliteSchemaFromPostgres(postgresSchema: string): string {
  return postgresSchema
    .replace(HEADER, "")
    .replace('provider = "postgresql"', 'provider = "sqlite"')
    .replace('url      = "postgresql://postgres@127.0.0.1:5432/app"', 'url      = "file:./data/app.db"')
    .replace('output       = "../../app/generated/prisma-pg"', 'output       = "../app/generated/prisma-sqlite"');
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}
