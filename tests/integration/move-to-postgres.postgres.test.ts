// npm run db:move-to-postgres on the demo data (issue 17, item 5): a SQLite installation seeded
// by the app's own start, used a little, then stopped, is moved into a new Postgres database.
// The script prints equal row counts for every table and equal insights figures, exits 0, and the
// app started on Postgres serves what it served on SQLite; a second move into the now full
// database is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, startApp, type TestApp } from "../setup/app-server.ts";
import { runScript, type ScriptRun } from "../setup/run-script.ts";
import { createPostgresDatabase, postgresAdminUrl, type TestDatabase } from "../setup/test-databases.ts";
import { sessionClient } from "./session-client.ts";

/** Impact windows that start at one minute come in either order (the API orders them by start only): compared as sets. */
function tiesSorted(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(tiesSorted);
    const key = (v: unknown) =>
      v && typeof v === "object" && "startedAt" in v && "id" in v ? `${String(v.startedAt)} ${String(v.id)} ${JSON.stringify(v)}` : null;
    return items.every((v) => key(v) !== null) ? [...items].sort((a, b) => key(a)!.localeCompare(key(b)!)) : items;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tiesSorted(v)]));
  return value;
}

const served = async (app: TestApp) => ({
  incidents: tiesSorted((await app.api.get("/api/v1/incidents")).body.incidents),
  components: (await app.api.get("/api/v1/components")).body.components,
  summary: await (await fetch(`${app.baseUrl}/api/v2/summary.json`)).json(),
  audit: (await app.api.get(`/api/v1/audit-events?limit=50`)).body.auditEvents as unknown[],
});

describe("moving the demo installation from SQLite to Postgres", () => {
  let sqlite: TestDatabase;
  let postgres: TestDatabase;
  let onPostgres: TestApp | undefined;
  let before: Awaited<ReturnType<typeof served>>;
  let move: ScriptRun;

  beforeAll(async () => {
    sqlite = await freshDatabase("sqlite");
    const onSqlite = await startApp({ database: "sqlite", databaseUrl: sqlite.url });
    try {
      const incident = (await onSqlite.api.post("/api/v1/incidents", { title: "Card payments declined", severity: "SEV2" })).body.incident;
      await onSqlite.api.post(`/api/v1/incidents/${incident.id}/timeline`, { body: "Declines at 12% since 09:40 UTC." });
      const update = await onSqlite.api.post(`/api/v1/incidents/${incident.id}/updates`, {
        status: "investigating",
        body: "Some card payments are declined.",
        publish: true,
      });
      expect(update.status).toBe(201);
      before = await served(onSqlite);
    } finally {
      await onSqlite.stop();
    }
    postgres = await createPostgresDatabase(postgresAdminUrl()!, null);
    move = await runScript("move-to-postgres", ["--from", sqlite.url, "--to", postgres.url], "file:./unused.db");
  }, 300_000);
  afterAll(async () => {
    await onPostgres?.stop();
    await postgres?.drop();
    await sqlite?.drop();
  });

  it("prints the same row count for every table and the same insights figures, and exits 0", () => {
    expect(move.code, `${move.stderr}\n${move.stdout}`).toBe(0);
    const counts = move.stdout
      .split("\n")
      .map((line) => /^([A-Za-z]+)\s+(\d+)\s+(\d+)$/.exec(line))
      .filter((m) => m !== null)
      .map(([, table, a, b]) => ({ table, sqlite: Number(a), postgres: Number(b) }));
    expect(counts.map((c) => c.table)).toEqual(
      expect.arrayContaining(["Incident", "TimelineEntry", "StatusUpdate", "Component", "User", "AuditEvent", "Postmortem"]),
    );
    expect(counts.length).toBeGreaterThanOrEqual(30);
    for (const c of counts) expect(c.postgres, c.table).toBe(c.sqlite);
    expect(counts.find((c) => c.table === "Incident")!.sqlite).toBeGreaterThan(5);
    expect(move.stdout).toMatch(/all severities: incidents\s+(\d+)\s+\1\n/);
    expect(move.stdout).not.toContain("DIFFERENT");
    expect(move.stdout).toMatch(/moved: \d+ rows in \d+ tables, every count and every insights figure the same/);
  });

  it("serves on Postgres what it served on SQLite, and people sign in with their passwords", async () => {
    onPostgres = await startApp({ database: "postgres", databaseUrl: postgres.url });
    const after = await served(onPostgres);
    expect(after.incidents).toEqual(before.incidents);
    expect(after.components).toEqual(before.components);
    expect(after.summary).toEqual(before.summary);
    expect(before.audit.length).toBeGreaterThan(3);
    expect(after.audit).toEqual(before.audit);
    expect(await sessionClient(onPostgres.baseUrl).session("admin@northwind.example")).toMatch(/^__session=/);
  });

  it("refuses to move into a database that is not empty, and writes nothing", async () => {
    const incidents = (await onPostgres!.api.get("/api/v1/incidents")).body.incidents.length;
    const again = await runScript("move-to-postgres", ["--from", sqlite.url, "--to", postgres.url], "file:./unused.db");
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/the Postgres database is not empty: .*Incident \(\d+\)/);
    expect((await onPostgres!.api.get("/api/v1/incidents")).body.incidents.length).toBe(incidents);
  });
});
