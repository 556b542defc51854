// The promise of the public page: when the database stops answering, the last snapshot is
// still served, byte for byte, while the authenticated API says it cannot work. Postgres
// only: there the database can be made to refuse connections under a running app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../setup/app-server.ts";
import { asPostgresAdmin } from "../setup/test-databases.ts";

const PUBLIC_PATHS = ["/status", "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/history.atom"];

describe("the public status page while Postgres is down", () => {
  let app: TestApp;
  let name: string;
  let cutOff = false;
  const before = new Map<string, { etag: string | null; body: string }>();

  async function cutDatabaseOff() {
    cutOff = true;
    await asPostgresAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await asPostgresAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  }

  async function restoreDatabase() {
    if (!cutOff) return;
    await asPostgresAdmin(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    cutOff = false;
  }

  beforeAll(async () => {
    app = await startApp({ database: "postgres" });
    name = new URL(app.databaseUrl).pathname.slice(1);
  });
  afterAll(async () => {
    // Whatever failed, the database must take connections again for the cleanup to work.
    await restoreDatabase();
    await app?.stop();
  });

  it("serves the status page and the v2 JSON while the database answers", async () => {
    for (const path of PUBLIC_PATHS) {
      const response = await fetch(app.baseUrl + path);
      expect(response.status, path).toBe(200);
      before.set(path, { etag: response.headers.get("etag"), body: await response.text() });
    }
    expect((await app.api.get("/api/v1/incidents")).status).toBe(200);
    // A timeline entry goes through the realtime bus, which leaves an idle connection in its
    // publishing pool: cut off, that connection must not take the process down with it.
    const incidentId = (await app.api.post("/api/v1/incidents", { title: "Bus before the outage", severity: "SEV3" })).body.incident.id;
    expect((await app.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "Published through the bus" })).status).toBe(201);
  });

  it("keeps serving the last snapshot, same ETag and bytes, when the database stops answering", async () => {
    await cutDatabaseOff();
    const refused = await app.api.get("/api/v1/incidents");
    expect(refused.status, JSON.stringify(refused.body)).toBeGreaterThanOrEqual(500);
    expect(refused.status).toBeLessThan(600);

    for (const path of PUBLIC_PATHS) {
      const response = await fetch(app.baseUrl + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("etag"), path).toBe(before.get(path)!.etag);
      expect(await response.text(), path).toBe(before.get(path)!.body);
      const conditional = await fetch(app.baseUrl + path, { headers: { "if-none-match": before.get(path)!.etag! } });
      expect(conditional.status, path).toBe(304);
    }

    const declared = await app.api.post("/api/v1/incidents", { title: "Written while the database is down", severity: "SEV3" });
    expect(declared.status).toBeGreaterThanOrEqual(500);
    // Past a tick of the maintenance clock, which fails and tries again, the page still stands.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const later = await fetch(`${app.baseUrl}/api/v2/summary.json`);
    expect(later.status).toBe(200);
    expect(later.headers.get("etag")).toBe(before.get("/api/v2/summary.json")!.etag);
  });

  it("says so in the API's one error shape while the database is down: 503 unavailable, as /healthz does", async () => {
    expect(cutOff).toBe(true);
    const health = await app.api.get("/healthz");
    expect(health.status).toBe(503);
    expect(health.body.error).toMatchObject({ code: "unavailable" });
    for (const response of [
      await app.api.get("/api/v1/incidents"),
      await app.api.post("/api/v1/incidents", { title: "Still down", severity: "SEV3" }),
    ]) {
      expect(response.body, `${response.status} ${JSON.stringify(response.body)}`).toEqual({
        error: { code: "unavailable", message: expect.any(String), fields: expect.any(Object) },
      });
      expect(response.status).toBe(503);
    }
  });

  it("answers the API again once the database is back", async () => {
    await restoreDatabase();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await app.api.get("/api/v1/incidents")).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    expect((await fetch(`${app.baseUrl}/status`)).status).toBe(200);
  });
});
