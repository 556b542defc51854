// Audit rows are refused UPDATE and DELETE by triggers in a hand-written migration that
// Prisma knows nothing of. A later SQLite migration that rebuilds "AuditEvent" (Prisma's
// new_… / copy / DROP / RENAME) silently drops them; on Postgres, dropping the table drops its
// trigger. Such a migration must create them again (docs/decisions/0022-audit-log.md).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrations as migrations } from "../../../prisma/migration-files.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");

const sqlite = migrations("prisma/migrations");
const postgres = migrations("prisma/postgres/migrations");
const immutable = sqlite.findIndex((m) => m.name.endsWith("_audit_immutable"));

describe("the audit_immutable migration", () => {
  it("exists for both databases under the same name, with its triggers", () => {
    expect(immutable).toBeGreaterThanOrEqual(0);
    const name = sqlite[immutable]!.name;
    expect(sqlite[immutable]!.sql).toMatch(/CREATE TRIGGER "AuditEvent_refuse_update" BEFORE UPDATE ON "AuditEvent"/);
    expect(sqlite[immutable]!.sql).toMatch(/CREATE TRIGGER "AuditEvent_refuse_delete" BEFORE DELETE ON "AuditEvent"/);
    expect(postgres.find((m) => m.name === name)?.sql).toMatch(/BEFORE UPDATE OR DELETE ON "AuditEvent"/);
  });

  it("is followed only by migrations that keep the triggers of an AuditEvent table they rebuild", () => {
    const name = sqlite[immutable]!.name;
    for (const m of sqlite.slice(immutable + 1)) {
      if (!/DROP TABLE "AuditEvent"/.test(m.sql)) continue;
      expect(m.sql, `${m.name} rebuilds "AuditEvent": create its triggers again`).toContain(`CREATE TRIGGER "AuditEvent_refuse_update"`);
      expect(m.sql, `${m.name} rebuilds "AuditEvent": create its triggers again`).toContain(`CREATE TRIGGER "AuditEvent_refuse_delete"`);
    }
    for (const m of postgres.slice(postgres.findIndex((p) => p.name === name) + 1)) {
      if (!/DROP TABLE "AuditEvent"|DROP TRIGGER "AuditEvent_refuse|DROP FUNCTION "audit_event_refuse_change"/.test(m.sql)) continue;
      expect(m.sql, `${m.name} drops "AuditEvent" or its trigger: create it again`).toContain(
        `CREATE TRIGGER "AuditEvent_refuse_update_delete"`,
      );
    }
  });
});

/** Every source file under these folders (not the generated clients, whose docs show every method). */
function sources(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|mjs)$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

describe("the app's code", () => {
  it("never updates or deletes an audit row", () => {
    const offenders = ["app", "server", "scripts", "bench", "prisma"]
      .flatMap(sources)
      .filter((file) =>
        /auditEvent\.(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE FROM|TRUNCATE)\s+"AuditEvent"/.test(
          readFileSync(file, "utf8"),
        ),
      )
      .map((file) => path.relative(ROOT, file));
    // This file names the statements it looks for.
    expect(offenders.filter((f) => !f.endsWith("immutable-migrations.test.ts"))).toEqual([]);
  });
});
