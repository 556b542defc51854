// The impact windows edited in one place (PUT /api/v1/incidents/:id/impact and the room's
// table), moved with a corrected milestone in the same transaction and audit row, and refused
// when they do not fit the incident. And where each kind of uptime comes from: the public page
// from what was published (a correction does not rewrite it), the insights from the windows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonColumn } from "../setup/database-probe.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(databases())("impact windows on %s", (database) => {
  let app: TestApp;
  let embeddings: string;
  let docs: string;
  let group: string;

  beforeAll(async () => {
    app = await startApp({ database });
    const { components } = (await app.api.get("/api/v1/components")).body;
    const named = (name: string, isGroup = false) =>
      components.find((c: { name: string; group: boolean }) => c.name === name && c.group === isGroup).id;
    embeddings = named("Embeddings");
    docs = named("Developer docs");
    group = named("API", true);
  });
  afterAll(() => app?.stop());

  const put = (id: string, body: unknown) =>
    app.api.raw("PUT", `/api/v1/incidents/${id}/impact`, JSON.stringify(body), { "content-type": "application/json" });

  async function resolvedIncident(T: number) {
    const at = (m: number) => new Date(T + m * MINUTE).toISOString();
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Embeddings slow",
      severity: "SEV3",
      startedAt: at(0),
      components: [{ id: embeddings, impact: "partial_outage" }],
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const id = declared.body.incident.id as string;
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "resolved", resolvedAt: at(30) })).status).toBe(200);
    return { id, at };
  }

  it("moves the windows with a corrected Started in one audit row, or leaves them when asked, and says so", async () => {
    const { id, at } = await resolvedIncident(Date.now() - 10 * DAY);
    const audits = () =>
      app.db.rows<{ action: string; before: unknown; after: unknown }>(
        `SELECT "action", "before", "after" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "at"`,
        id,
      );
    const before = (await audits()).length;

    const moved = await app.api.patch(`/api/v1/incidents/${id}`, { startedAt: at(-10) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.incident.impactHistory).toMatchObject([
      { id: embeddings, impact: "partial_outage", startedAt: at(-10), endedAt: at(30) },
    ]);
    const rows = (await audits()).slice(before);
    expect(rows.map((r) => r.action)).toEqual(["incident.milestone_corrected"]);
    expect(jsonColumn(rows[0].before)).toEqual({
      startedAt: at(0),
      impactWindows: [{ component: "Embeddings", componentId: embeddings, impact: "partial_outage", startedAt: at(0), endedAt: at(30) }],
    });
    expect(jsonColumn(rows[0].after)).toMatchObject({
      startedAt: at(-10),
      impactWindowsMoved: true,
      impactWindows: [{ startedAt: at(-10), endedAt: at(30) }],
    });

    const kept = await app.api.patch(`/api/v1/incidents/${id}`, { startedAt: at(-20), moveImpactWindows: false });
    expect(kept.body.incident.impactHistory).toMatchObject([{ startedAt: at(-10), endedAt: at(30) }]);
    const last = (await audits()).at(-1)!;
    expect(jsonColumn(last.before)).toEqual({ startedAt: at(-10) });

    // Later than the windows' start: they are cut to it whatever the writer chose; Resolved earlier cuts their end.
    const cut = await app.api.patch(`/api/v1/incidents/${id}`, { startedAt: at(5), resolvedAt: at(25), moveImpactWindows: false });
    expect(cut.body.incident.impactHistory).toMatchObject([{ startedAt: at(5), endedAt: at(25) }]);
    expect(jsonColumn((await audits()).at(-1)!.after)).toMatchObject({ label: "Started, Resolved", impactWindowsMoved: false });
  });

  it("replaces the windows by PUT, audited once, heard by the room, and gives back what GET shows", async () => {
    const { id, at } = await resolvedIncident(Date.now() - 11 * DAY);
    const events = await app.db.count("IncidentEvent", `"incidentId" = ?`, id);
    const windows = [
      { componentId: embeddings, impact: "degraded_performance", startedAt: at(0), endedAt: at(10) },
      { componentId: embeddings, impact: "major_outage", startedAt: at(10), endedAt: at(30) },
      { componentId: docs, impact: "partial_outage", startedAt: at(5), endedAt: at(20) },
    ];
    const saved = await put(id, { windows });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.incident.impactHistory).toHaveLength(3);
    expect(await app.db.count("IncidentEvent", `"incidentId" = ? AND "type" = 'incident.updated'`, id)).toBeGreaterThan(0);
    expect(await app.db.count("IncidentEvent", `"incidentId" = ?`, id)).toBe(events + 1);
    const audit = await app.db.rows<{ before: unknown; after: unknown }>(
      `SELECT "before", "after" FROM "AuditEvent" WHERE "entityId" = ? AND "action" = 'incident.impact_corrected'`,
      id,
    );
    expect(audit).toHaveLength(1);
    expect(jsonColumn<{ impactWindows: unknown[] }>(audit[0].before).impactWindows).toHaveLength(1);
    expect(jsonColumn<{ impactWindows: unknown[] }>(audit[0].after).impactWindows).toHaveLength(3);

    const got = await app.api.get(`/api/v1/incidents/${id}/impact`);
    expect(got.body.windows).toEqual([
      { componentId: embeddings, component: "Embeddings", impact: "degraded_performance", startedAt: at(0), endedAt: at(10) },
      { componentId: docs, component: "Developer docs", impact: "partial_outage", startedAt: at(5), endedAt: at(20) },
      { componentId: embeddings, component: "Embeddings", impact: "major_outage", startedAt: at(10), endedAt: at(30) },
    ]);
    // The same windows again change nothing and record nothing.
    expect((await put(id, got.body)).status).toBe(200);
    expect(await app.db.count("AuditEvent", `"entityId" = ? AND "action" = 'incident.impact_corrected'`, id)).toBe(1);
    // An empty list is no impact at all.
    expect((await put(id, { windows: [] })).body.incident.impactHistory).toEqual([]);
  });

  it("refuses windows that do not fit the incident with 422 naming the window and field, and stores nothing", async () => {
    const { id, at } = await resolvedIncident(Date.now() - 12 * DAY);
    const stored = () =>
      app.db.rows(`SELECT "componentId", "impact", "startedAt", "endedAt" FROM "IncidentComponent" WHERE "incidentId" = ?`, id);
    const was = await stored();
    const ok = { componentId: embeddings, impact: "partial_outage", startedAt: at(0), endedAt: at(30) };
    const cases: [string, unknown, string][] = [
      ["before Started", { windows: [{ ...ok, startedAt: at(-5) }] }, "windows.0.startedAt"],
      ["after Resolved", { windows: [ok, { ...ok, componentId: docs, endedAt: at(31) }] }, "windows.1.endedAt"],
      ["still open on a resolved incident", { windows: [{ ...ok, endedAt: null }] }, "windows.0.endedAt"],
      ["ending before it starts", { windows: [{ ...ok, startedAt: at(20), endedAt: at(10) }] }, "windows.0.endedAt"],
      [
        "overlapping another of its component",
        { windows: [ok, { ...ok, impact: "major_outage", startedAt: at(10), endedAt: at(20) }] },
        "windows.1.startedAt",
      ],
      ["a group", { windows: [{ ...ok, componentId: group }] }, "windows.0.componentId"],
      ["no such component", { windows: [{ ...ok, componentId: "nosuchcomponent" }] }, "windows.0.componentId"],
      ["an unknown impact", { windows: [{ ...ok, impact: "sideways" }] }, "windows.0.impact"],
      ["in the future", { windows: [{ ...ok, endedAt: new Date(Date.now() + DAY).toISOString() }] }, "windows.0.endedAt"],
      ["not a list", { windows: "all of them" }, "windows"],
      ["an unknown field", { windows: [{ ...ok, colour: "red" }] }, "windows.0"],
    ];
    for (const [label, body, field] of cases) {
      const refused = await put(id, body);
      expect(refused.status, label).toBe(422);
      expect(Object.keys(refused.body.error.fields), label).toContain(field);
    }
    expect(await stored()).toEqual(was);
  });

  it("keeps a resolved incident's impact in its windows: the components picker may not open new ones", async () => {
    const { id } = await resolvedIncident(Date.now() - 13 * DAY);
    const refused = await app.api.patch(`/api/v1/incidents/${id}`, { components: [{ id: docs, impact: "major_outage" }] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields).toHaveProperty("components");
  });

  it("leaves the public page's uptime to what was published, while the insights follow the corrected windows", async () => {
    const T = Date.now() - 2 * 60 * MINUTE;
    const at = (m: number) => new Date(T + m * MINUTE).toISOString();
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Docs unavailable",
      severity: "SEV3",
      startedAt: at(0),
      components: [{ id: docs, impact: "major_outage" }],
    });
    const id = declared.body.incident.id as string;
    const publish = (body: Record<string, unknown>) =>
      app.api.post(`/api/v1/incidents/${id}/updates`, { publish: true, notify: false, ...body });
    expect(
      (await publish({ status: "investigating", body: "Docs are down.", components: [{ id: docs, status: "major_outage" }] })).status,
    ).toBe(201);
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "resolved" })).status).toBe(200);
    expect((await publish({ status: "resolved", body: "Docs are back." })).status).toBe(201);

    const history = () =>
      app.db.rows(`SELECT "status", "at", "updateId" FROM "ComponentStatusChange" WHERE "componentId" = ? ORDER BY "at"`, docs);
    const publicUptime = async () => {
      const html = await (await fetch(`${app.baseUrl}/status/uptime`)).text();
      return /<td[^>]*>Developer docs<\/td><td[^>]*>([^<]+)<\/td>/.exec(html)?.[1];
    };
    const insightsMajor = async () => {
      const body = (await app.api.get(`/api/v1/insights?component=${docs}`)).body;
      return body.uptime.components.find((c: { id: string }) => c.id === docs).last30.minutes.major_outage as number;
    };
    const [historyBefore, publicBefore, majorBefore] = [await history(), await publicUptime(), await insightsMajor()];
    expect(publicBefore).toMatch(/%/);

    // Impact began an hour before anyone declared it: corrected, with the windows.
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { startedAt: at(-60) })).status).toBe(200);
    // Any publish rebuilds the public page; a maintenance notice on another component will do.
    const maintenance = await app.api.post("/api/v1/maintenances", {
      title: "Embeddings index rebuild",
      scheduledFor: new Date(Date.now() + 2 * DAY).toISOString(),
      scheduledUntil: new Date(Date.now() + 2 * DAY + 60 * MINUTE).toISOString(),
      components: [embeddings],
      notify: false,
    });
    expect(maintenance.status, JSON.stringify(maintenance.body)).toBe(201);

    expect(await history()).toEqual(historyBefore);
    expect(await publicUptime()).toBe(publicBefore);
    expect(await insightsMajor()).toBeCloseTo(majorBefore + 60, 3);
  });
});
