// Upgrading a SQLite database must keep every row: Prisma's table redefinitions drop the old table,
// which deletes the rows that cascade from it unless foreign keys are off while it runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "./migrate.server.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function migrations(entries: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(entries)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const FIRST = {
  "20260101000000_first": `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL,
  CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE);`,
};
// what Prisma writes to add a column with a foreign key to a table
const REDEFINE = {
  "20260102000000_redefine": `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "note" TEXT);
INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`,
};

describe("migrating SQLite", () => {
  it("keeps the rows that cascade from a table Prisma redefines", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "db-"));
    dirs.push(dir);
    const file = path.join(dir, "app.db");
    migrateSqlite(file, migrations(FIRST));
    const db = new Database(file);
    db.prepare(`INSERT INTO "Parent" ("id", "name") VALUES ('p1', 'one')`).run();
    db.prepare(`INSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'p1'), ('c2', 'p1')`).run();
    db.close();

    expect(migrateSqlite(file, migrations({ ...FIRST, ...REDEFINE }))).toEqual(["20260102000000_redefine"]);
    const after = new Database(file);
    expect(after.prepare(`SELECT "id" FROM "Child" ORDER BY "id"`).all()).toEqual([{ id: "c1" }, { id: "c2" }]);
    // and foreign keys are on again afterwards: a delete still cascades
    expect(after.pragma("foreign_keys", { simple: true })).toBe(1);
    after.close();
  });

  it("rolls back a migration that would leave rows pointing at nothing", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "db-"));
    dirs.push(dir);
    const file = path.join(dir, "app.db");
    migrateSqlite(file, migrations(FIRST));
    const db = new Database(file);
    db.prepare(`INSERT INTO "Parent" ("id", "name") VALUES ('p1', 'one')`).run();
    db.prepare(`INSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'p1')`).run();
    db.close();
    const losing = { "20260103000000_lose_parent": `PRAGMA foreign_keys=OFF;\nDELETE FROM "Parent";\nPRAGMA foreign_keys=ON;` };
    expect(() => migrateSqlite(file, migrations({ ...FIRST, ...losing }))).toThrow(/refer/);
    const after = new Database(file);
    expect(after.prepare(`SELECT COUNT(*) AS n FROM "Parent"`).get()).toEqual({ n: 1 });
    after.close();
  });
});
