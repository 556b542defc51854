// Creates a migration for both databases from the change to the schema folder prisma/schema/.
//   npm run db:migration -- <name>
// Diffs are computed from schema files alone (no database, no download): the previous
// schema is the committed derived Postgres copy. See docs/decisions/0002-migrations.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, derivePostgresSchema, readSchema, sqliteSchemaFromPostgres, type SchemaFiles } from "./schemas.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

// prisma.config.ts opens the SQLite file through the driver adapter, which needs its folder.
mkdirSync("data", { recursive: true });
const work = mkdtempSync(join(tmpdir(), "migration-"));
const newSqlite = readSchema(SQLITE_SCHEMA);
const newPostgres = derivePostgresSchema(newSqlite);
const hadPrevious = existsSync(POSTGRES_SCHEMA);
const oldPostgres = hadPrevious ? readSchema(POSTGRES_SCHEMA) : null;

/** Writes a schema's files into `folder`, removing the .prisma files it no longer has. */
function writeSchema(folder: string, files: SchemaFiles): void {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder)) if (name.endsWith(".prisma") && !(name in files)) rmSync(join(folder, name));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
}

function diff(from: SchemaFiles | null, to: SchemaFiles, label: string): string {
  const toPath = join(work, `${label}-to`);
  writeSchema(toPath, to);
  const args = ["prisma", "migrate", "diff", "--to-schema-datamodel", toPath, "--script"];
  if (from === null) args.push("--from-empty");
  else {
    const fromPath = join(work, `${label}-from`);
    writeSchema(fromPath, from);
    args.push("--from-schema-datamodel", fromPath);
  }
  return execFileSync("npx", args, { encoding: "utf8" });
}

const sqliteSql = diff(oldPostgres && sqliteSchemaFromPostgres(oldPostgres), newSqlite, "sqlite");
const postgresSql = diff(oldPostgres, newPostgres, "postgres");
if (/^-- This is an empty migration/m.test(sqliteSql)) {
  console.error("prisma/schema/ has not changed since the last migration");
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
for (const [dir, sql] of [
  ["prisma/migrations", sqliteSql],
  ["prisma/postgres/migrations", postgresSql],
] as const) {
  const folder = join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), sql);
  writeFileSync(join(dir, "migration_lock.toml"), `provider = "${dir.includes("postgres") ? "postgresql" : "sqlite"}"\n`);
  console.log(`wrote ${folder}/migration.sql`);
}
writeSchema(POSTGRES_SCHEMA, newPostgres);
console.log(`wrote ${POSTGRES_SCHEMA}/`);
