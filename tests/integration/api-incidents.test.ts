import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonColumn } from "../setup/database-probe.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";

type Incident = { id: string; ref: string; number: number; status: string; severity: string; [key: string]: unknown };

/** The stamp was taken while the request ran. */
function expectStampedBetween(value: unknown, from: number, to: number) {
  expect(value).toEqual(expect.any(String));
  const at = new Date(value as string).getTime();
  expect(at).toBeGreaterThanOrEqual(from - 5);
  expect(at).toBeLessThanOrEqual(to + 5);
}

describe.each(databases())("incidents through the API on %s", (database) => {
  let app: TestApp;
  let leafComponents: string[];
  let responderUserId: string;

  async function declare(input: Record<string, unknown> = {}): Promise<Incident> {
    const response = await app.api.post("/api/v1/incidents", { title: "Elevated 5xx on the API", severity: "SEV2", ...input });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.incident;
  }

  async function patch(id: string, body: Record<string, unknown>) {
    return app.api.patch(`/api/v1/incidents/${id}`, body);
  }

  beforeAll(async () => {
    app = await startApp({ database });
    const { components } = (await app.api.get("/api/v1/components")).body;
    leafComponents = components.filter((c: { group: boolean }) => !c.group).map((c: { id: string }) => c.id);
    [{ id: responderUserId }] = await app.db.rows<{ id: string }>(
      `SELECT "id" FROM "User" WHERE "email" = ?`,
      "responder@northwind.example",
    );
  });
  afterAll(() => app?.stop());

  it("declares an incident: 201, the next INC number, investigating, started and detected now", async () => {
    const [{ incidentCounter }] = await app.db.rows<{ incidentCounter: number }>(`SELECT "incidentCounter" FROM "Organization"`);
    const from = Date.now();
    const incident = await declare({ summary: "Customers see errors on chat completions." });
    const to = Date.now();
    expect(incident.ref).toBe(`INC-${incidentCounter + 1}`);
    expect(incident).toMatchObject({ status: "investigating", severity: "SEV2", title: "Elevated 5xx on the API", acknowledgedAt: null });
    expectStampedBetween(incident.startedAt, from, to);
    expectStampedBetween(incident.detectedAt, from, to);
    const timeline = (await app.api.get(`/api/v1/incidents/${incident.id}/timeline`)).body.entries;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ kind: "status-change", body: expect.stringContaining(`declared ${incident.ref}`) });
  });

  it("finds an incident by id, by reference and by number", async () => {
    const incident = await declare();
    for (const key of [incident.id, incident.ref, String(incident.number), incident.ref.toLowerCase()]) {
      const response = await app.api.get(`/api/v1/incidents/${key}`);
      expect(response.status, key).toBe(200);
      expect(response.body.incident).toEqual(incident);
    }
    expect((await app.api.get("/api/v1/incidents/INC-999999")).status).toBe(404);
  });

  it("pages through a filtered list with a cursor, without duplicates or omissions", async () => {
    // Equal start times make the cursor's tie-breaker do the work.
    const startedAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await declare({ title: `Paging check ${i}`, severity: "SEV4", startedAt }));
    await patch(created[0].id, { status: "identified" });

    const everything = (await app.api.get("/api/v1/incidents?severity=SEV4&limit=200")).body;
    expect(everything.nextCursor).toBeNull();
    const all = everything.incidents.map((i: Incident) => i.id);
    expect(all).toEqual(expect.arrayContaining(created.map((i) => i.id)));
    expect(everything.incidents.every((i: Incident) => i.severity === "SEV4")).toBe(true);

    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/incidents?severity=SEV4&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = (await app.api.get(query)).body;
      expect(page.incidents.length).toBeLessThanOrEqual(2);
      paged.push(...page.incidents.map((i: Incident) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(all);

    const identified = (await app.api.get("/api/v1/incidents?status=identified&severity=SEV4&limit=200")).body.incidents;
    expect(identified.map((i: Incident) => i.id)).toContain(created[0].id);
    expect(identified.every((i: Incident) => i.status === "identified" && i.severity === "SEV4")).toBe(true);
    expect(identified.map((i: Incident) => i.id)).not.toContain(created[1].id);
  });

  it("moves along legal transitions, each stamping its milestone and writing the timeline", async () => {
    const incident = await declare();
    const identified = await patch(incident.id, { status: "identified" });
    expect(identified.status).toBe(200);
    expect(identified.body.incident).toMatchObject({ status: "identified", mitigatedAt: null, resolvedAt: null });

    let from = Date.now();
    const commanded = await patch(incident.id, { commanderId: responderUserId });
    expect(commanded.body.incident.commander).toMatchObject({ id: responderUserId });
    expectStampedBetween(commanded.body.incident.acknowledgedAt, from, Date.now());

    from = Date.now();
    const monitoring = await patch(incident.id, { status: "monitoring" });
    expect(monitoring.body.incident.status).toBe("monitoring");
    expectStampedBetween(monitoring.body.incident.mitigatedAt, from, Date.now());
    expect(monitoring.body.incident.resolvedAt).toBeNull();

    from = Date.now();
    const resolved = await patch(incident.id, { status: "resolved" });
    expect(resolved.body.incident.status).toBe("resolved");
    expectStampedBetween(resolved.body.incident.resolvedAt, from, Date.now());
    expect(resolved.body.incident.mitigatedAt).toBe(monitoring.body.incident.mitigatedAt);
    expect(resolved.body.incident.acknowledgedAt).toBe(commanded.body.incident.acknowledgedAt);

    const bodies = (await app.api.get(`/api/v1/incidents/${incident.id}/timeline`)).body.entries.map((e: { body: string }) => e.body);
    expect(bodies.join("\n")).toMatch(/investigating to identified[\s\S]*identified to monitoring[\s\S]*monitoring to resolved/);
    expect(await app.db.count("AuditEvent", `"entityId" = ? AND "action" = ?`, incident.id, "incident.updated")).toBe(4);
  });

  it("refuses an illegal transition with 409 and changes nothing", async () => {
    const incident = await declare();
    const resolved = (await patch(incident.id, { status: "resolved" })).body.incident;
    const entries = await app.db.count("TimelineEntry", `"incidentId" = ?`, incident.id);
    const refused = await patch(incident.id, { status: "monitoring" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "conflict", fields: { status: expect.any(String) } });
    expect((await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident).toEqual(resolved);
    expect(await app.db.count("TimelineEntry", `"incidentId" = ?`, incident.id)).toBe(entries);
  });

  it("stores a milestone corrected by hand and audits the correction", async () => {
    const incident = await declare();
    const detectedAt = new Date(Date.now() - 45 * 60_000).toISOString();
    const corrected = await patch(incident.id, { detectedAt });
    expect(corrected.status).toBe(200);
    expect(corrected.body.incident.detectedAt).toBe(detectedAt);
    expect((await app.api.get(`/api/v1/incidents/${incident.ref}`)).body.incident.detectedAt).toBe(detectedAt);

    const audits = await app.db.rows<{ before: unknown; after: unknown; actorId: string | null }>(
      `SELECT "before", "after", "actorId" FROM "AuditEvent" WHERE "entityId" = ? AND "action" = ?`,
      incident.id,
      "incident.milestone_corrected",
    );
    expect(audits).toHaveLength(1);
    expect(jsonColumn(audits[0].before)).toEqual({ detectedAt: incident.detectedAt });
    expect(jsonColumn(audits[0].after)).toMatchObject({ detectedAt });
    expect(audits[0].actorId).toEqual(expect.any(String));
  });

  it("keeps the history of a component's impact as it changes", async () => {
    const [first, second] = leafComponents;
    const incident = await declare({ components: [{ id: first, impact: "degraded_performance" }] });
    expect(incident.components).toMatchObject([{ id: first, impact: "degraded_performance" }]);

    const worse = await patch(incident.id, {
      components: [
        { id: first, impact: "major_outage" },
        { id: second, impact: "partial_outage" },
      ],
    });
    expect(worse.status).toBe(200);
    expect(worse.body.incident.components.map((c: { id: string; impact: string }) => [c.id, c.impact]).sort()).toEqual(
      [
        [first, "major_outage"],
        [second, "partial_outage"],
      ].sort(),
    );

    type Window = { componentId: string; impact: string; startedAt: unknown; endedAt: unknown };
    const windows = (
      await app.db.rows<Window>(
        `SELECT "componentId", "impact", "startedAt", "endedAt" FROM "IncidentComponent" WHERE "incidentId" = ?`,
        incident.id,
      )
    ).sort((a, b) => new Date(a.startedAt as string).getTime() - new Date(b.startedAt as string).getTime());
    const ofFirst = windows.filter((w) => w.componentId === first);
    expect(ofFirst.map((w) => w.impact)).toEqual(["degraded_performance", "major_outage"]);
    expect(ofFirst[0].endedAt).not.toBeNull();
    expect(ofFirst[1].endedAt).toBeNull();
    expect(new Date(ofFirst[0].endedAt as string).getTime()).toBe(new Date(ofFirst[1].startedAt as string).getTime());
    expect(windows.filter((w) => w.componentId === second)).toMatchObject([{ impact: "partial_outage", endedAt: null }]);

    const cleared = await patch(incident.id, { components: [] });
    expect(cleared.body.incident.components).toEqual([]);
    expect(await app.db.count("IncidentComponent", `"incidentId" = ? AND "endedAt" IS NULL`, incident.id)).toBe(0);
    expect(await app.db.count("IncidentComponent", `"incidentId" = ?`, incident.id)).toBe(3);
  });
});
