// The migrations as files, oldest first, for the tests that guard hand-written SQL Prisma
// knows nothing of (search triggers, audit triggers).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export type MigrationFile = { name: string; sql: string };

/** `dir` is relative to the repository: prisma/migrations or prisma/postgres/migrations. */
export function readMigrations(dir: string): MigrationFile[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(full, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(full, name, "migration.sql"), "utf8") }));
}
