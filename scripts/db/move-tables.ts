// Copies every table of a SQLite installation into an empty, migrated Postgres database: in
// foreign-key order, in batches, in one Postgres transaction that commits only when every
// table's row count matches. Values are converted by the target column's type (SQLite keeps
// times as text, booleans as 0/1, JSON as text). Generated columns (the search vectors) are
// left to Postgres, and SQLite's full-text tables are derived, not copied. `npm run
// db:move-to-postgres` (scripts/move-to-postgres.ts) runs it; docs/deploy.md.
import Database from "better-sqlite3";
import pg from "pg";
import { verifySqlite } from "./sqlite-backup.ts";

const BATCH_ROWS = 500;
/** Postgres takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 60_000;
const MIGRATIONS = "_prisma_migrations";

type Column = { name: string; type: string };
export type TableCount = { table: string; sqlite: number; postgres: number };

export class MoveRefused extends Error {}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function postgresTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY 1`,
    [MIGRATIONS],
  );
  return rows.map((r) => r.name);
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows;
}

/** Tables ordered so that every table comes after those its foreign keys point at. */
async function foreignKeyOrder(client: pg.ClientBase, tables: string[]): Promise<{ order: string[]; selfReferences: Map<string, string> }> {
  const { rows } = await client.query<{ child: string; parent: string; columns: string[] }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            array(SELECT a.attname FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS columns
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  const selfReferences = new Map<string, string>();
  for (const row of rows) {
    const [child, parent] = [unquote(row.child), unquote(row.parent)];
    if (child === parent) selfReferences.set(child, row.columns[0]);
    else parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (!ready.length) throw new MoveRefused(`the foreign keys between ${tables.filter((t) => !placed.has(t)).join(", ")} form a cycle`);
    for (const table of ready) {
      order.push(table);
      placed.add(table);
    }
  }
  return { order, selfReferences };
}

/** SQLite's stored value as the Postgres column wants it. */
function converted(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return value === 1 || value === 1n || value === true || value === "1" || value === "true";
  if (type.startsWith("timestamp")) {
    // Prisma writes ISO text with an offset; SQL defaults write "YYYY-MM-DD HH:MM:SS" in UTC; numbers are epoch milliseconds.
    const date =
      typeof value === "number" || typeof value === "bigint"
        ? new Date(Number(value))
        : new Date(
            /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d(\.\d+)?)?$/.test(String(value)) ? `${String(value).replace(" ", "T")}Z` : String(value),
          );
    if (Number.isNaN(date.getTime())) throw new MoveRefused(`a time that cannot be read: ${JSON.stringify(value)}`);
    // As UTC text: the pg driver would otherwise write a Date in this machine's local time.
    return type === "timestamp with time zone" ? date.toISOString() : date.toISOString().replace("T", " ").replace("Z", "");
  }
  if (type === "bytea") return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Rows with a parent in the same table (a component in a group) come after that parent. */
function parentsFirst(rows: Record<string, unknown>[], column: string): Record<string, unknown>[] {
  const ordered: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  let waiting = rows;
  while (waiting.length) {
    const next = waiting.filter((r) => r[column] === null || placed.has(r[column]) || !rows.some((p) => p.id === r[column]));
    if (!next.length) throw new MoveRefused(`the rows' ${column} form a cycle`);
    for (const row of next) {
      ordered.push(row);
      placed.add(row.id);
    }
    waiting = waiting.filter((r) => !next.includes(r));
  }
  return ordered;
}

async function insertBatch(client: pg.ClientBase, table: string, columns: Column[], rows: Record<string, unknown>[]) {
  const values: unknown[] = [];
  const tuples = rows.map(
    (row) => `(${columns.map((c) => (values.push(converted(row[c.name], c.type)), `$${values.length}`)).join(", ")})`,
  );
  await client.query(`INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(", ")}) VALUES ${tuples.join(", ")}`, values);
}

async function copyTable(source: Database.Database, client: pg.ClientBase, table: string, selfReference: string | undefined) {
  const columns = await columnsOf(client, table);
  const present = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
  const missing = columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length)
    throw new MoveRefused(
      `${table} has no column ${missing.join(", ")} in the SQLite file: is it migrated by this version? (start the app on it once)`,
    );
  const select = source.prepare(`SELECT ${columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table)} ORDER BY rowid`);
  const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  if (selfReference) {
    const rows = parentsFirst(select.all() as Record<string, unknown>[], selfReference);
    for (let i = 0; i < rows.length; i += perBatch) await insertBatch(client, table, columns, rows.slice(i, i + perBatch));
    return;
  }
  let batch: Record<string, unknown>[] = [];
  for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
    batch.push(row);
    if (batch.length < perBatch) continue;
    await insertBatch(client, table, columns, batch);
    batch = [];
  }
  if (batch.length) await insertBatch(client, table, columns, batch);
}

/**
 * Copies every table; refuses (MoveRefused, nothing written) a target that has rows or whose
 * tables differ from the source's. Commits only when the counts match; returns them.
 */
export async function moveTables(
  sourceFile: string,
  targetUrl: string,
  progress: (line: string) => void = () => {},
): Promise<TableCount[]> {
  // Integrity, and migrations this version knows; its tables without SQLite's full-text indexes.
  const fromTables = verifySqlite(sourceFile)
    .map((t) => t.table)
    .filter((t) => t !== MIGRATIONS);
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const tables = await postgresTables(client);
    const onlyThere = fromTables.filter((t) => !tables.includes(t));
    const onlyHere = tables.filter((t) => !fromTables.includes(t));
    if (onlyThere.length || onlyHere.length) {
      throw new MoveRefused(
        `the databases' tables differ (only in SQLite: ${onlyThere.join(", ") || "none"}; only in Postgres: ${onlyHere.join(", ") || "none"}): migrate both with this version first`,
      );
    }
    const { order, selfReferences } = await foreignKeyOrder(client, tables);
    // One read transaction on SQLite: one consistent snapshot even if something writes meanwhile.
    source.exec("BEGIN");
    await client.query("BEGIN");
    const occupied: string[] = [];
    for (const table of order) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
      if (rows[0].n > 0) occupied.push(`${table} (${rows[0].n})`);
    }
    if (occupied.length)
      throw new MoveRefused(`the Postgres database is not empty: ${occupied.join(", ")}. Move into a new, empty database.`);
    for (const table of order) {
      const started = Date.now();
      await copyTable(source, client, table, selfReferences.get(table));
      progress(`copied ${table} in ${Date.now() - started} ms`);
    }
    const counts: TableCount[] = [];
    for (const table of order) {
      const { n } = source.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number };
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
      counts.push({ table, sqlite: n, postgres: rows[0].n });
    }
    if (counts.some((c) => c.sqlite !== c.postgres)) {
      await client.query("ROLLBACK");
      return counts;
    }
    await client.query("COMMIT");
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    if (source.inTransaction) source.exec("COMMIT");
    source.close();
    await client.end();
  }
}
