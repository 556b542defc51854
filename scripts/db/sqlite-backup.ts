// Backing up and restoring the SQLite database file. The copy is taken with SQLite's online
// backup API in a single step, so it is one consistent snapshot (a read transaction: the app's
// writes go on into the write-ahead log meanwhile and are not in the copy). A restore only
// happens when no process has the database open: SQLite refuses to leave WAL mode while another
// connection holds the file, which is the check (docs/decisions/0023-operations.md).
import { existsSync, renameSync, copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readMigrations } from "../../app/utils/migrate.server.ts";

export type TableCount = { table: string; rows: number };

/** A UTC timestamp that sorts and is safe in a file name: 2026-11-25T235901Z. */
export function fileTimestamp(at = new Date()): string {
  return `${at.toISOString().slice(0, 19).replace(/:/g, "")}Z`;
}

export async function backupSqlite(source: string, out: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(out)) throw new Error(`${out} exists already; choose another --out`);
  const db = new Database(source, { fileMustExist: true, timeout: 5_000 });
  try {
    // All pages in one step: one read transaction, one snapshot, never restarted by a write.
    await db.backup(out, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy stands alone in one file (no -wal beside it to lose).
  const copy = new Database(out);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/** Checks a database file: SQLite's integrity check, its applied migrations, and its row counts. */
export function verifySqlite(file: string, migrationsDir = path.resolve("prisma/migrations")): TableCount[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const known = new Map(readMigrations(migrationsDir).map((m) => [m.name, m.checksum]));
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!hasMigrations) throw new Error(`${file} has no migrations table: it is not this app's database`);
    const applied = db
      .prepare(`SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .all() as { name: string; checksum: string }[];
    if (applied.length === 0) throw new Error(`${file} has no applied migrations: it is not this app's database`);
    for (const m of applied) {
      if (!known.has(m.name))
        throw new Error(`${file} has migration ${m.name}, which this version of the app does not know (a backup from a newer version?)`);
      if (known.get(m.name) !== m.checksum) throw new Error(`${file}: migration ${m.name} differs from this version's`);
    }
    // The app's tables: not SQLite's own, not full-text indexes (virtual) nor their shadow tables.
    const all = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string;
      sql: string;
    }[];
    const virtual = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
    const tables = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    return tables.map(({ name }) => ({ table: name, rows: (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n }));
  } finally {
    db.close();
  }
}

export class DatabaseInUse extends Error {}

/**
 * Puts `backup` in place of `target` after checking it; the current file is kept beside it as
 * `<target>.before-restore-<timestamp>`. Refuses (DatabaseInUse) while any process has `target` open.
 */
export function restoreSqlite(backup: string, target: string): { keptAs: string | null; counts: TableCount[] } {
  const counts = verifySqlite(backup);
  const staged = `${target}.restoring`;
  rmSync(staged, { force: true });
  copyFileSync(backup, staged);
  if (!existsSync(target)) {
    renameSync(staged, target);
    return { keptAs: null, counts };
  }
  const current = new Database(target, { fileMustExist: true, timeout: 0 });
  try {
    try {
      // Leaving WAL mode needs the only connection to the file: busy means the app has it open.
      current.pragma("journal_mode = DELETE");
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY")
        throw new DatabaseInUse(`${target} is open in another process (the app is running on it?); stop it first`);
      throw error;
    }
    if (existsSync(`${target}-wal`))
      throw new DatabaseInUse(`${target}-wal is still there after a checkpoint; another process has the database open`);
    const keptAs = `${target}.before-restore-${fileTimestamp()}`;
    renameSync(target, keptAs);
    renameSync(staged, target);
    return { keptAs, counts };
  } finally {
    current.close();
    rmSync(staged, { force: true });
  }
}
