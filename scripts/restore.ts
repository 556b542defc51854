// npm run restore -- <file>: puts a backup made by `npm run backup` in place of the SQLite
// database, with the app stopped. The backup is checked first (integrity, migrations this
// version knows); the current file is kept as <db>.before-restore-<timestamp>. Postgres:
// prints the pg_restore commands (a shared database is restored by its operator). docs/operations.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { env, isPostgres, sqliteFilePath } from "../app/utils/env.server.ts";
import { DatabaseInUse, restoreSqlite } from "./db/sqlite-backup.ts";

/** The command line, or a one-line message and exit 1 when it has an unknown option. */
function arguments_<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    return fail((error as Error).message);
  }
}

const Args = z.tuple([z.string().trim().min(1)], { message: "name the backup file: npm run restore -- <file>" });

function fail(message: string, code = 1): never {
  console.error(`restore: ${message}`);
  process.exit(code);
}

const positionals = arguments_(() => parseArgs({ allowPositionals: true, strict: true, options: {} }).positionals);
const parsed = Args.safeParse(positionals);
if (!parsed.success) fail(parsed.error.issues[0].message);
const backup = path.resolve(parsed.data[0]);
if (!existsSync(backup)) fail(`no file at ${backup}`);
const { DATABASE_URL } = env();

if (isPostgres(DATABASE_URL)) {
  fail(
    [
      "with PostgreSQL, stop every instance, then restore the pg_dump file with pg_restore:",
      `  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" ${backup}`,
      "or into a new database, then point DATABASE_URL at it:",
      `  createdb incident_desk_restored && pg_restore --no-owner --dbname=incident_desk_restored ${backup}`,
    ].join("\n"),
    2,
  );
}

const target = path.resolve(sqliteFilePath(DATABASE_URL));
try {
  const { keptAs, counts } = restoreSqlite(backup, target);
  console.error(`restored ${backup} to ${target}: integrity ok; ${counts.map((c) => `${c.table} ${c.rows}`).join(", ")}`);
  if (keptAs) console.error(`the database it replaced is kept as ${keptAs}`);
  console.log(target);
} catch (error) {
  fail((error as Error).message, error instanceof DatabaseInUse ? 3 : 1);
}
