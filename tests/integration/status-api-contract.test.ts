// The Statuspage v2 public API, checked key by key and type by type against the reference
// (../shared/reference/statuspage-v2.md), on a page with groups, an active incident with two
// updates, a resolved one, and an upcoming and a running maintenance. Plus the feeds, CORS
// and the caching headers every aggregator relies on.
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import {
  CACHE_CONTROL,
  checkComponent,
  checkEvent,
  checkPage,
  DESCRIPTIONS,
  ENDPOINTS,
  expectKeys,
  expectWellFormedXml,
  INDICATORS,
  rawGet,
  STATUS_KEYS,
  TIME,
  UNRESOLVED,
} from "./status-api-contract.checks.ts";

describe.each(databases())("the Statuspage v2 API on %s", (database) => {
  let app: TestApp;
  const bodies: Record<string, any> = {};
  let group: { id: string; components: string[] };
  let member: string;
  let maintained: string;
  let active: { id: string; name: string };
  let resolved: string;
  let upcoming: string;
  let running: string;

  async function publish(incidentId: string, body: Record<string, unknown>) {
    const response = await app.api.post(`/api/v1/incidents/${incidentId}/updates`, { publish: true, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.update.state).toBe("published");
  }

  async function declare(title: string, severity: string): Promise<string> {
    const response = await app.api.post("/api/v1/incidents", { title, severity });
    expect(response.status).toBe(201);
    return response.body.incident.id;
  }

  async function schedule(title: string, fromNowMin: number, lengthMin: number, component: string): Promise<string> {
    const scheduledFor = new Date(Date.now() + fromNowMin * 60_000).toISOString();
    const scheduledUntil = new Date(Date.now() + (fromNowMin + lengthMin) * 60_000).toISOString();
    const response = await app.api.post("/api/v1/maintenances", { title, scheduledFor, scheduledUntil, components: [component] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.maintenance.id;
  }

  beforeAll(async () => {
    app = await startApp({ database });
    const { components } = (await app.api.get("/api/v1/components")).body;
    const leaves = components.filter((c: any) => !c.group);
    const groups = components.filter((c: any) => c.group && c.components.length >= 2);
    group = groups.find((g: any) => g.components.every((id: string) => leaves.find((l: any) => l.id === id)?.status === "operational"));
    [member] = group.components;
    maintained = leaves.find((c: any) => c.groupId === null && c.status === "operational").id;

    const activeId = await declare("Contract: elevated errors on one endpoint", "SEV2");
    await publish(activeId, {
      status: "investigating",
      body: "We are looking into errors.",
      components: [{ id: member, status: "partial_outage" }],
    });
    await publish(activeId, {
      status: "identified",
      body: "We found the cause and are fixing it.",
      components: [{ id: member, status: "partial_outage" }],
    });
    active = { id: activeId, name: "Contract: elevated errors on one endpoint" };
    resolved = await declare("Contract: a short blip", "SEV4");
    await publish(resolved, { status: "investigating", body: "A short blip." });
    await publish(resolved, { status: "resolved", body: "This incident has been resolved." });
    upcoming = await schedule("Contract: database upgrade", 24 * 60, 120, maintained);
    running = await schedule("Contract: network work", -1, 120, maintained);

    for (const path of Object.keys(ENDPOINTS)) {
      const response = await app.api.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
      bodies[path] = response.body;
    }
  });
  afterAll(() => app?.stop());

  it.each(Object.entries(ENDPOINTS))("%s has exactly the reference's keys and types", (path, keys) => {
    const body = bodies[path];
    expectKeys(body, keys, path);
    checkPage(body.page);
    if (body.status) {
      expectKeys(body.status, STATUS_KEYS, "status");
      expect(INDICATORS).toContain(body.status.indicator);
      expect(DESCRIPTIONS).toContain(body.status.description);
    }
    body.components?.forEach((c: any) => checkComponent(c, body.page.id));
    body.incidents?.forEach((i: any) => checkEvent(i, body.page.id, "incident"));
    body.scheduled_maintenances?.forEach((m: any) => checkEvent(m, body.page.id, "maintenance"));
  });

  it("shows groups with their member ids, and members pointing at their group", () => {
    const components = bodies["/api/v2/components.json"].components;
    const byId = new Map(components.map((c: any) => [c.id, c]));
    const shown: any = byId.get(group.id);
    expect(shown).toMatchObject({ group: true, group_id: null, components: group.components });
    for (const child of group.components) expect(byId.get(child)).toMatchObject({ group: false, group_id: group.id });
    for (const c of components.filter((c: any) => c.group_id)) expect((byId.get(c.group_id) as any).components).toContain(c.id);
    expect(byId.get(member)).toMatchObject({ status: "partial_outage" });
    expect(shown.status).toBe("partial_outage");
    expect(bodies["/api/v2/summary.json"].components).toEqual(components);
  });

  it("lists the active incident with both updates newest first and its component", () => {
    const incident = bodies["/api/v2/incidents/unresolved.json"].incidents.find((i: any) => i.id === active.id);
    expect(incident).toMatchObject({ name: active.name, status: "identified", impact: "major", monitoring_at: null, resolved_at: null });
    expect(incident.incident_updates.map((u: any) => u.status)).toEqual(["identified", "investigating"]);
    expect(incident.incident_updates[1].affected_components).toEqual([
      { code: member, name: expect.stringContaining(" - "), old_status: "operational", new_status: "partial_outage" },
    ]);
    expect(incident.components.map((c: any) => c.id)).toEqual([member]);
    expect(incident.shortlink).toContain(active.id);
    expect(bodies["/api/v2/summary.json"].incidents.map((i: any) => i.id)).toContain(active.id);
    expect(bodies["/api/v2/incidents.json"].incidents.map((i: any) => i.id)).toContain(active.id);
  });

  it("keeps the resolved incident out of the unresolved lists, with its resolution time", () => {
    const everything = bodies["/api/v2/incidents.json"].incidents;
    expect(everything.find((i: any) => i.id === resolved)).toMatchObject({ status: "resolved", resolved_at: expect.stringMatching(TIME) });
    for (const path of ["/api/v2/incidents/unresolved.json", "/api/v2/summary.json"]) {
      expect(
        bodies[path].incidents.map((i: any) => i.id),
        path,
      ).not.toContain(resolved);
      for (const i of bodies[path].incidents) expect(UNRESOLVED).toContain(i.status);
    }
  });

  it("splits maintenance into upcoming and active, with the running one's component under maintenance", () => {
    const ids = (path: string) => bodies[path].scheduled_maintenances.map((m: any) => m.id);
    expect(ids("/api/v2/scheduled-maintenances/upcoming.json")).toContain(upcoming);
    expect(ids("/api/v2/scheduled-maintenances/upcoming.json")).not.toContain(running);
    expect(ids("/api/v2/scheduled-maintenances/active.json")).toEqual([running]);
    expect(ids("/api/v2/scheduled-maintenances.json")).toEqual(expect.arrayContaining([upcoming, running]));
    expect(ids("/api/v2/summary.json")).toEqual(expect.arrayContaining([upcoming, running]));
    for (const m of bodies["/api/v2/scheduled-maintenances/upcoming.json"].scheduled_maintenances) expect(m.status).toBe("scheduled");
    const runningJson = bodies["/api/v2/scheduled-maintenances/active.json"].scheduled_maintenances[0];
    expect(runningJson.status).toBe("in_progress");
    expect(runningJson.incident_updates.map((u: any) => u.status)).toEqual(["in_progress", "scheduled"]);
    expect(runningJson.components.map((c: any) => [c.id, c.status])).toEqual([[maintained, "under_maintenance"]]);
    const component = bodies["/api/v2/components.json"].components.find((c: any) => c.id === maintained);
    expect(component.status).toBe("under_maintenance");
  });

  it("rolls the page up to the worst state: a partial outage is a major indicator", () => {
    expect(bodies["/api/v2/status.json"].status).toEqual({ indicator: "major", description: "Partial System Outage" });
    expect(bodies["/api/v2/summary.json"].status).toEqual(bodies["/api/v2/status.json"].status);
  });

  it("serves /history.atom and /history.rss as well-formed feeds with the incident", async () => {
    for (const [path, type, root] of [
      ["/history.atom", "application/atom+xml", "feed"],
      ["/history.rss", "application/rss+xml", "rss"],
    ]) {
      const response = await fetch(app.baseUrl + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(new RegExp(`^${type.replace("+", "\\+")}`));
      expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
      const xml = await response.text();
      expectWellFormedXml(xml, root);
      expect(xml, path).toContain(active.name);
      expect(xml, path).toContain(`/incidents/${active.id}`);
    }
  });

  it("opens every endpoint to any origin, with a 204 preflight", async () => {
    for (const path of Object.keys(ENDPOINTS)) {
      const get = await fetch(app.baseUrl + path, { headers: { origin: "https://widget.example" } });
      expect(get.headers.get("access-control-allow-origin"), path).toBe("*");
      const preflight = await fetch(app.baseUrl + path, {
        method: "OPTIONS",
        headers: { origin: "https://widget.example", "access-control-request-method": "GET" },
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods"), path).toContain("GET");
    }
  });

  it("is cacheable: ETag, Last-Modified and Cache-Control; 304 on If-None-Match; gzip when accepted", async () => {
    for (const path of [...Object.keys(ENDPOINTS), "/status", "/history.atom"]) {
      const first = await fetch(app.baseUrl + path);
      const etag = first.headers.get("etag");
      expect(etag, path).toMatch(/^(W\/)?".+"$/);
      expect(first.headers.get("cache-control"), path).toBe(CACHE_CONTROL);
      expect(Number.isNaN(Date.parse(first.headers.get("last-modified") ?? "")), path).toBe(false);
      const plain = Buffer.from(await first.arrayBuffer());

      const again = await fetch(app.baseUrl + path, { headers: { "if-none-match": etag! } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get("etag"), path).toBe(etag);
      expect((await again.arrayBuffer()).byteLength, path).toBe(0);

      const zipped = await rawGet(app.baseUrl + path, { "accept-encoding": "gzip" });
      expect(zipped.status, path).toBe(200);
      if (plain.length > 1024) {
        expect(zipped.headers["content-encoding"], path).toBe("gzip");
        expect(gunzipSync(zipped.body).equals(plain), path).toBe(true);
      }
      const identity = await rawGet(app.baseUrl + path, { "accept-encoding": "identity" });
      expect(identity.headers["content-encoding"], path).toBeUndefined();
      expect(identity.body.equals(plain), path).toBe(true);
    }
  });
});
