// The search indexes live in hand-written migrations that Prisma knows nothing of. A later
// migration that rebuilds a searched table on SQLite (Prisma's new_… / copy / DROP / RENAME)
// silently drops their triggers; one that drops a searched column on Postgres must drop and
// re-create the vector built on it. Such a migration must put them back (docs/decisions/0017-search.md).
import { describe, expect, it } from "vitest";
import { readMigrations as migrations } from "../../../prisma/migration-files.ts";

const SEARCHED = {
  Incident: ["title", "summary"],
  TimelineEntry: ["text", "deletedAt", "createdAt"],
  PostmortemSection: ["text"],
} as const;

const sqlite = migrations("prisma/migrations");
const postgres = migrations("prisma/postgres/migrations");
const search = sqlite.findIndex((m) => m.name.endsWith("_search"));

describe("the search migration", () => {
  it("exists for both databases under the same name", () => {
    expect(search).toBeGreaterThanOrEqual(0);
    expect(postgres.map((m) => m.name)).toContain(sqlite[search]!.name);
  });

  it("is followed only by migrations that keep the SQLite triggers of a table they rebuild", () => {
    for (const m of sqlite.slice(search + 1)) {
      for (const table of Object.keys(SEARCHED)) {
        if (!new RegExp(`DROP TABLE "${table}"`).test(m.sql)) continue;
        expect(m.sql, `${m.name} rebuilds "${table}": re-create its search triggers`).toContain(`CREATE TRIGGER "${table}_search_insert"`);
        expect(m.sql, `${m.name} rebuilds "${table}": re-index it`).toMatch(
          new RegExp(`INSERT INTO "${table}Search"\\("${table}Search"\\) VALUES \\('rebuild'\\)`),
        );
      }
    }
  });

  it("is followed only by migrations that keep the Postgres indexes on the columns they drop", () => {
    const after = postgres.slice(postgres.findIndex((m) => m.name === sqlite[search]!.name) + 1);
    for (const m of after) {
      for (const [table, columns] of Object.entries(SEARCHED)) {
        const drops = new RegExp(`DROP TABLE "${table}"|ALTER TABLE "${table}"[^;]*DROP COLUMN "(${columns.join("|")})"`).test(m.sql);
        if (drops)
          expect(m.sql, `${m.name} drops what "${table}"'s search index uses: re-create it`).toMatch(
            new RegExp(`CREATE INDEX "${table}_search_idx"`),
          );
      }
    }
  });
});
