// A committed change is announced even when the public page's rebuild before the announcement
// fails: the change stands, the room must hear it, and the failure is logged. On a migrated
// database of its own, SQLite always and Postgres too when TEST_DATABASE_URL names a server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

type Kind = "sqlite" | "postgres";
const kinds: Kind[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A migrated empty database; answers its URL and how to drop it. */
async function emptyDatabase(kind: Kind): Promise<{ url: string; drop: () => Promise<void> }> {
  const { migratePostgres, migrateSqlite } = await import("~/utils/migrate.server.ts");
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "record-change-"));
    migrateSqlite(path.join(dir, "app.db"));
    return { url: `file:${path.join(dir, "app.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `itest_${Math.floor(Date.now() / 1000)}_announce_${process.pid}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

describe.each(kinds)("a change whose public page rebuild fails, on %s", (kind) => {
  let database: { url: string; drop: () => Promise<void> };
  let modules: {
    change: typeof import("./record-change.server.ts");
    bus: typeof import("~/modules/realtime/bus.server.ts");
    db: typeof import("~/utils/db.server.ts");
    logger: typeof import("~/utils/logger.server.ts");
  };

  beforeAll(async () => {
    database = await emptyDatabase(kind);
    // The process's singletons (db client, bus) are made from DATABASE_URL at first use: fresh ones for this database.
    (globalThis as { __incidentDeskSingletons?: Map<string, unknown> }).__incidentDeskSingletons?.clear();
    vi.resetModules();
    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = "silent";
    modules = {
      change: await import("./record-change.server.ts"),
      bus: await import("~/modules/realtime/bus.server.ts"),
      db: await import("~/utils/db.server.ts"),
      logger: await import("~/utils/logger.server.ts"),
    };
    const { db } = modules.db;
    await db.user.create({ data: { id: "u1", email: "ic@example.com", name: "Ines", passwordHash: "x", role: "responder" } });
    await db.incident.create({
      data: {
        id: "inc1",
        number: 1,
        title: "Checkout errors",
        severity: "SEV2",
        startedAt: new Date(),
        detectedAt: new Date(),
        declaredById: "u1",
      },
    });
  });

  afterAll(async () => {
    await modules?.bus.bus.close();
    await modules?.db.db.$disconnect();
    await database?.drop();
  });

  it("announces the committed change to a stream listener, logs the failure, and does not fail the caller", async () => {
    const { withIncidentChanges, recordIncidentChange, incidentChannel } = modules.change;
    const heard: string[] = [];
    const unsubscribe = modules.bus.bus.subscribe(incidentChannel("inc1"), (message) => heard.push(message));
    const logged = vi.spyOn(modules.logger.logger, "error");

    const result = await withIncidentChanges(
      (tx) =>
        recordIncidentChange(tx, { userId: "u1" }, "inc1", async () => ({
          value: "renamed",
          event: { type: "incident.updated", data: { id: "inc1" } as never },
        })),
      {
        beforeAnnounce: async () => {
          throw new Error("the public page could not be rebuilt");
        },
      },
    );

    expect(result).toEqual({ value: "renamed", seq: 1 });
    expect((await modules.db.db.incident.findUniqueOrThrow({ where: { id: "inc1" } })).lastSeq).toBe(1);
    await vi.waitFor(() => expect(heard).toEqual(["1"]), { timeout: 5_000 });
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ message: "the public page could not be rebuilt" }) }),
      expect.any(String),
    );
    unsubscribe();
  });
});
