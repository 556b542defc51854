// Scheduled maintenance through the API: a window starts and completes by itself within the
// clock's tick (5 s), holding its components under maintenance while it runs; people may
// move it forward but never back; a window that ends before it starts is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";

const TICK_MS = 5_000;
/** A tick, plus time for the move's transaction and the snapshot rebuild on a busy machine. */
const SLACK_MS = 1_500;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databases())("scheduled maintenance on %s", (database) => {
  let app: TestApp;
  let componentIds: string[];

  const publicJson = async (path: string) => (await fetch(app.baseUrl + path)).json();
  const publicStatuses = async () =>
    new Map<string, string>(
      (await publicJson("/api/v2/components.json")).components.map((c: { id: string; status: string }) => [c.id, c.status]),
    );

  /** Polls until `check` holds; returns when it first did (Date.now()). */
  async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return Date.now();
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await delay(100);
    }
  }

  async function schedule(fromNowMs: number, lengthMs: number, components: string[], title = "Database failover drill") {
    const scheduledFor = new Date(Date.now() + fromNowMs);
    const scheduledUntil = new Date(scheduledFor.getTime() + lengthMs);
    const response = await app.api.post("/api/v1/maintenances", {
      title,
      scheduledFor: scheduledFor.toISOString(),
      scheduledUntil: scheduledUntil.toISOString(),
      components,
      body: "We are moving the primary database to new hardware.",
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { id: response.body.maintenance.id as string, scheduledFor, scheduledUntil, view: response.body.maintenance };
  }

  beforeAll(async () => {
    app = await startApp({ database });
    // The demo data has an open public incident: resolve it, so maintenance is the only thing on the page.
    for (const incident of (await publicJson("/api/v2/incidents/unresolved.json")).incidents) {
      const resolved = await app.api.post(`/api/v1/incidents/${incident.id}/updates`, {
        status: "resolved",
        body: "This incident has been resolved.",
        publish: true,
      });
      expect(resolved.body.update?.state, JSON.stringify(resolved.body)).toBe("published");
    }
    const { components } = (await app.api.get("/api/v1/components")).body;
    componentIds = components.filter((c: { group: boolean }) => !c.group).map((c: { id: string }) => c.id);
    expect([...(await publicStatuses()).values()].every((s) => s === "operational")).toBe(true);
    expect((await publicJson("/api/v2/status.json")).status.indicator).toBe("none");
  });
  afterAll(() => app?.stop());

  it("starts by itself, holds its components under maintenance, then completes by itself", async () => {
    const held = componentIds.slice(0, 2);
    const window = await schedule(2_000, 6_000, held);
    expect(window.view).toMatchObject({ status: "scheduled", startedAt: null, completedAt: null });
    expect(
      (await publicJson("/api/v2/scheduled-maintenances/upcoming.json")).scheduled_maintenances.map((m: { id: string }) => m.id),
    ).toContain(window.id);
    for (const id of held) expect((await publicStatuses()).get(id)).toBe("operational");

    const started = await waitFor(
      "the window started",
      async () => (await publicStatuses()).get(held[0]) === "under_maintenance",
      2_000 + TICK_MS + SLACK_MS + 2_000,
    );
    expect(started - window.scheduledFor.getTime()).toBeLessThanOrEqual(TICK_MS + SLACK_MS);
    const statuses = await publicStatuses();
    for (const id of held) expect(statuses.get(id)).toBe("under_maintenance");
    for (const id of componentIds.filter((c) => !held.includes(c))) expect(statuses.get(id)).toBe("operational");
    expect((await publicJson("/api/v2/status.json")).status).toEqual({
      indicator: "maintenance",
      description: "Service Under Maintenance",
    });
    const active = (await publicJson("/api/v2/scheduled-maintenances/active.json")).scheduled_maintenances;
    expect(active.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([[window.id, "in_progress"]]);
    expect((await app.api.get(`/api/v1/maintenances/${window.id}`)).body.maintenance).toMatchObject({
      status: "in_progress",
      startedAt: expect.any(String),
    });

    const completed = await waitFor(
      "the window completed",
      async () => (await publicStatuses()).get(held[0]) === "operational",
      window.scheduledUntil.getTime() - Date.now() + TICK_MS + SLACK_MS + 2_000,
    );
    expect(completed - window.scheduledUntil.getTime()).toBeLessThanOrEqual(TICK_MS + SLACK_MS);
    for (const id of held) expect((await publicStatuses()).get(id)).toBe("operational");
    expect((await publicJson("/api/v2/status.json")).status).toEqual({ indicator: "none", description: "All Systems Operational" });
    const all = (await publicJson("/api/v2/scheduled-maintenances.json")).scheduled_maintenances;
    const shown = all.find((m: { id: string }) => m.id === window.id);
    expect(shown).toMatchObject({ status: "completed", resolved_at: expect.any(String) });
    expect(shown.incident_updates.map((u: { status: string }) => u.status)).toEqual(["completed", "in_progress", "scheduled"]);
    expect((await publicJson("/api/v2/scheduled-maintenances/active.json")).scheduled_maintenances).toEqual([]);

    const audits = await app.db.rows<{ action: string }>(`SELECT "action" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "at"`, window.id);
    expect(audits.map((a) => a.action)).toEqual(["maintenance.scheduled", "maintenance.in_progress", "maintenance.completed"]);

    // A finished window cannot be reopened.
    const reopen = await app.api.post(`/api/v1/maintenances/${window.id}`, { status: "in_progress" });
    expect(reopen.status, JSON.stringify(reopen.body)).toBe(409);
    expect(reopen.body.error).toMatchObject({ code: "conflict", fields: { status: expect.any(String) } });
    expect((await publicStatuses()).get(held[0])).toBe("operational");
    expect((await app.api.get(`/api/v1/maintenances/${window.id}`)).body.maintenance.status).toBe("completed");
  }, 40_000);

  it("lets a person start and finish a window early, but never move it back", async () => {
    const [component] = componentIds.slice(-1);
    const window = await schedule(24 * 60 * 60_000, 60 * 60_000, [component], "Certificate rotation");
    const started = await app.api.post(`/api/v1/maintenances/${window.id}`, { status: "in_progress" });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.maintenance.status).toBe("in_progress");
    expect((await publicStatuses()).get(component)).toBe("under_maintenance");

    const back = await app.api.post(`/api/v1/maintenances/${window.id}`, { status: "scheduled" });
    expect(back.status).toBe(409);
    expect((await publicStatuses()).get(component)).toBe("under_maintenance");

    const done = await app.api.post(`/api/v1/maintenances/${window.id}`, { status: "completed", body: "Finished early." });
    expect(done.status).toBe(200);
    expect((await publicStatuses()).get(component)).toBe("operational");
    const shown = (await publicJson("/api/v2/scheduled-maintenances.json")).scheduled_maintenances.find(
      (m: { id: string }) => m.id === window.id,
    );
    expect(shown.incident_updates[0]).toMatchObject({ status: "completed", body: "Finished early." });
  });

  it("refuses a window that ends before it starts, or has ended already, and stores nothing", async () => {
    const before = await app.db.count("Maintenance");
    const audits = await app.db.count("AuditEvent");
    const start = Date.now() + 60 * 60_000;
    const cases = [
      { scheduledFor: new Date(start).toISOString(), scheduledUntil: new Date(start - 30 * 60_000).toISOString() },
      { scheduledFor: new Date(start).toISOString(), scheduledUntil: new Date(start).toISOString() },
      {
        scheduledFor: new Date(Date.now() - 2 * 60 * 60_000).toISOString(),
        scheduledUntil: new Date(Date.now() - 60 * 60_000).toISOString(),
      },
    ];
    for (const times of cases) {
      const response = await app.api.post("/api/v1/maintenances", { title: "Backwards window", components: [componentIds[0]], ...times });
      expect([400, 422], JSON.stringify(response.body)).toContain(response.status);
      expect(response.body.error.fields).toHaveProperty("scheduledUntil");
    }
    const unknown = await app.api.post("/api/v1/maintenances", {
      title: "Unknown component",
      components: ["nosuchthing0"],
      scheduledFor: new Date(start).toISOString(),
      scheduledUntil: new Date(start + 60_000).toISOString(),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toHaveProperty("components.0.id");
    expect(await app.db.count("Maintenance")).toBe(before);
    expect(await app.db.count("AuditEvent")).toBe(audits);
  });
});
