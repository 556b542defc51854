// The Postgres schema is derived from the folder prisma/schema/: the same files with the same
// models, another provider and another client output (in schema.prisma, which holds the
// generator and datasource). Never edit prisma/postgres/schema/ by hand.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema";
export const POSTGRES_SCHEMA = "prisma/postgres/schema";
/** The file of a schema folder with the generator and datasource blocks. */
export const MAIN_FILE = "schema.prisma";

/** A schema folder's files by name (e.g. "incidents.prisma"), sorted by name. */
export type SchemaFiles = Record<string, string>;

const HEADER = "// GENERATED from prisma/schema/ by scripts/db/new-migration.ts. Do not edit.\n";

const SWAPS: [sqlite: string, postgres: string][] = [
  ['provider = "sqlite"', 'provider = "postgresql"'],
  ['url      = "file:./data/app.db"', 'url      = "postgresql://postgres@127.0.0.1:5432/app"'],
  ['output       = "../../app/generated/prisma-sqlite"', 'output       = "../../../app/generated/prisma-pg"'],
];

export function derivePostgresSchema(sqliteSchema: SchemaFiles): SchemaFiles {
  const main = sqliteSchema[MAIN_FILE];
  if (main === undefined) throw new Error(`prisma/schema/ has no ${MAIN_FILE} (generator and datasource)`);
  const derived = SWAPS.reduce((text, [from, to]) => text.replace(from, to), main);
  if (derived === main || !derived.includes("postgresql") || !derived.includes("prisma-pg")) {
    throw new Error(`prisma/schema/${MAIN_FILE} no longer has the datasource or generator lines this script rewrites`);
  }
  return mapFiles(sqliteSchema, (name, text) => HEADER + (name === MAIN_FILE ? derived.replace(/^(\/\/[^\n]*\n)+\n/, "") : text));
}

/** Turns a derived Postgres schema back into the SQLite schema it came from (for diffs). */
export function sqliteSchemaFromPostgres(postgresSchema: SchemaFiles): SchemaFiles {
  return mapFiles(postgresSchema, (name, text) => {
    const plain = text.replace(HEADER, "");
    return name === MAIN_FILE ? SWAPS.reduce((t, [sqlite, postgres]) => t.replace(postgres, sqlite), plain) : plain;
  });
}

function mapFiles(files: SchemaFiles, change: (name: string, text: string) => string): SchemaFiles {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, change(name, text)]));
}

/** Reads a schema folder's *.prisma files. */
export function readSchema(folder: string): SchemaFiles {
  const names = readdirSync(folder)
    .filter((name) => name.endsWith(".prisma"))
    .sort();
  return Object.fromEntries(names.map((name) => [name, readFileSync(path.join(folder, name), "utf8")]));
}
