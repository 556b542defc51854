// npm run db:move-to-postgres -- --from file:./data/app.db --to postgresql://app@db.internal/incidents
// Moves an existing SQLite installation onto Postgres, with the app stopped: migrates the target
// (it must be empty), copies every table in one transaction (scripts/db/move-tables.ts), then
// checks the move by each table's row count and by the insights' figures computed from each
// database (app/modules/insights). Prints both comparisons. Exit 0 only when everything is the
// same; 1 on any difference; 2 when the move is refused (nothing written). docs/deploy.md.
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readMigrations, migratePostgres } from "../app/utils/migrate.server.ts";
import { sqliteFilePath } from "../app/utils/env.server.ts";
import { compareFigures } from "./db/compare-figures.ts";
import { MoveRefused, moveTables } from "./db/move-tables.ts";
import { verifySqlite } from "./db/sqlite-backup.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

const Args = z.object({
  from: z
    .string()
    .trim()
    .startsWith("file:", "must be the SQLite database's URL, such as file:./data/app.db")
    .default("file:./data/app.db"),
  to: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "must be a Postgres URL, such as postgresql://app@db.internal/incidents"),
});

function refuse(message: string): never {
  console.error(`db:move-to-postgres: ${message}`);
  process.exit(2);
}

let options: Record<string, unknown>;
try {
  options = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, strict: true }).values;
} catch (error) {
  refuse((error as Error).message);
}
const parsed = Args.safeParse({ ...options, to: options.to ?? process.env.DATABASE_URL });
if (!parsed.success) refuse(parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; "));
const sourceFile = path.resolve(sqliteFilePath(parsed.data.from));
const target = parsed.data.to;
const targetShown = target.replace(/\/\/[^@/]*@/, "//…@");

try {
  verifySqlite(sourceFile);
} catch (error) {
  refuse((error as Error).message);
}
const applied = appliedMigrations(sourceFile);
const unapplied = readMigrations(path.resolve("prisma/migrations")).filter((m) => !applied.has(m.name));
if (unapplied.length)
  refuse(
    `${sourceFile} lacks ${unapplied.length} migration(s) of this version (${unapplied[0].name}…): start the app on it once, stop it, then move`,
  );

// The insights' "now" is the same for both databases, so the figures compare exactly.
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
const figuresOf = (databaseUrl: string) =>
  execFileSync(process.execPath, ["--import", "tsx", path.join(here, "db/insights-figures.ts"), "--now", now], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });

const before = figuresOf(`file:${sourceFile}`);
const newlyMigrated = await migratePostgres(target);
console.error(`${targetShown}: ${newlyMigrated.length} migration(s) applied`);

let counts;
try {
  counts = await moveTables(sourceFile, target, (line) => console.error(line));
} catch (error) {
  if (error instanceof MoveRefused) refuse(error.message);
  throw error;
}
const width = Math.max(...counts.map((c) => c.table.length));
console.log(`${"rows per table".padEnd(width)}     SQLite   Postgres`);
for (const c of counts)
  console.log(
    `${c.table.padEnd(width)}  ${String(c.sqlite).padStart(9)}  ${String(c.postgres).padStart(9)}${c.sqlite === c.postgres ? "" : "  DIFFERENT"}`,
  );
const countsDiffer = counts.filter((c) => c.sqlite !== c.postgres);
if (countsDiffer.length) {
  console.log(`\nrow counts differ in ${countsDiffer.map((c) => c.table).join(", ")}: nothing was committed`);
  process.exit(1);
}

const comparison = compareFigures(JSON.parse(before), JSON.parse(figuresOf(target)));
console.log(`\n${`insights as of ${now.slice(0, 16)}Z, 3 years`.padEnd(48)}     SQLite   Postgres`);
for (const line of comparison.lines) console.log(line);
if (!comparison.same) {
  console.log(
    `\nthe insights differ (first at ${comparison.firstDifference}); the rows are in ${targetShown}: drop that database before trying again`,
  );
  process.exit(1);
}
console.log(
  `\nmoved: ${counts.reduce((n, c) => n + c.postgres, 0)} rows in ${counts.length} tables, every count and every insights figure the same`,
);

function appliedMigrations(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .all() as { name: string }[];
    return new Set(rows.map((r) => r.name));
  } finally {
    db.close();
  }
}
