// npm run backup [-- --out <file>]: a consistent copy of the database while the app runs.
// SQLite: the online backup API, then the copy is checked (integrity, migrations, row counts).
// Postgres: pg_dump in its custom format (restore with pg_restore). docs/operations.md.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { env, isPostgres, sqliteFilePath } from "../app/utils/env.server.ts";
import { backupSqlite, fileTimestamp, verifySqlite } from "./db/sqlite-backup.ts";

/** The command line, or a one-line message and exit 1 when it has an unknown option. */
function arguments_<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    return fail((error as Error).message);
  }
}

const Args = z.object({ out: z.string().trim().min(1, "must name a file").optional() });

function fail(message: string): never {
  console.error(`backup: ${message}`);
  process.exit(1);
}

const parsed = Args.safeParse(arguments_(() => parseArgs({ options: { out: { type: "string" } }, strict: true }).values));
if (!parsed.success) fail(parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; "));
const { DATABASE_URL } = env();

if (isPostgres(DATABASE_URL)) {
  const out = path.resolve(parsed.data.out ?? `backups/app-${fileTimestamp()}.dump`);
  mkdirSync(path.dirname(out), { recursive: true });
  const dump = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${out}`, `--dbname=${DATABASE_URL}`], {
    stdio: "inherit",
  });
  if (dump.error) fail(`pg_dump could not run (${dump.error.message}); install the PostgreSQL client tools of the server's version`);
  if (dump.status !== 0) fail(`pg_dump failed (exit ${dump.status})`);
  console.log(out);
  console.error(`restore with: pg_restore --clean --if-exists --no-owner --dbname=<DATABASE_URL> ${out}`);
} else {
  const source = path.resolve(sqliteFilePath(DATABASE_URL));
  const out = path.resolve(parsed.data.out ?? `backups/app-${fileTimestamp()}.db`);
  mkdirSync(path.dirname(out), { recursive: true });
  try {
    const started = Date.now();
    await backupSqlite(source, out);
    const counts = verifySqlite(out);
    console.error(
      `backup of ${source} checked in ${Date.now() - started} ms: integrity ok; ${counts.map((c) => `${c.table} ${c.rows}`).join(", ")}`,
    );
    console.log(out);
  } catch (error) {
    fail((error as Error).message);
  }
}
