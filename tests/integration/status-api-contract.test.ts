// The Statuspage v2 public API, checked key by key and type by type against the reference
// (../shared/reference/statuspage-v2.md), on a page with groups, an active incident with two
// updates, a resolved one, and an upcoming and a running maintenance. Plus the feeds, CORS
// and the caching headers every aggregator relies on.
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";

const ID = /^[0-9a-z]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
const CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=60, stale-if-error=86400";

const PAGE_KEYS = ["id", "name", "url", "time_zone", "updated_at"];
const STATUS_KEYS = ["indicator", "description"];
const COMPONENT_KEYS = ["id", "name", "status", "created_at", "updated_at", "position", "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded"];
const INCIDENT_KEYS = ["id", "name", "status", "impact", "created_at", "updated_at", "monitoring_at", "resolved_at", "shortlink", "started_at", "page_id", "incident_updates", "components"];
const MAINTENANCE_KEYS = [...INCIDENT_KEYS, "scheduled_for", "scheduled_until"];
const UPDATE_KEYS = ["id", "status", "body", "incident_id", "created_at", "updated_at", "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id"];
const AFFECTED_KEYS = ["code", "name", "old_status", "new_status"];

const COMPONENT_STATUSES = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"];
const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"];
const UNRESOLVED = ["investigating", "identified", "monitoring"];
const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"];
const INDICATORS = ["none", "minor", "major", "critical", "maintenance"];
const DESCRIPTIONS = ["All Systems Operational", "Partially Degraded Service", "Minor Service Outage", "Partial System Outage", "Degraded System Service", "Major System Outage", "Service Under Maintenance"];

const ENDPOINTS: Record<string, string[]> = {
  "/api/v2/summary.json": ["page", "components", "incidents", "scheduled_maintenances", "status"],
  "/api/v2/status.json": ["page", "status"],
  "/api/v2/components.json": ["page", "components"],
  "/api/v2/incidents.json": ["page", "incidents"],
  "/api/v2/incidents/unresolved.json": ["page", "incidents"],
  "/api/v2/scheduled-maintenances.json": ["page", "scheduled_maintenances"],
  "/api/v2/scheduled-maintenances/upcoming.json": ["page", "scheduled_maintenances"],
  "/api/v2/scheduled-maintenances/active.json": ["page", "scheduled_maintenances"],
};

const sorted = (keys: string[]) => [...keys].sort();
const expectKeys = (value: object, keys: string[], where: string) => expect(sorted(Object.keys(value)), where).toEqual(sorted(keys));
const isTimeOrNull = (v: unknown) => v === null || (typeof v === "string" && TIME.test(v));

function checkPage(page: any) {
  expectKeys(page, PAGE_KEYS, "page");
  expect(page.id).toMatch(ID);
  expect(page.name).toEqual(expect.any(String));
  expect(page.url).toMatch(/^https?:\/\//);
  expect(page.time_zone).toEqual(expect.any(String));
  expect(page.updated_at).toMatch(TIME);
}

function checkComponent(c: any, pageId: string) {
  const where = `component ${c.id}`;
  expectKeys(c, c.group ? [...COMPONENT_KEYS, "components"] : COMPONENT_KEYS, where);
  expect(c.id, where).toMatch(ID);
  expect(c.name, where).toEqual(expect.any(String));
  expect(COMPONENT_STATUSES, where).toContain(c.status);
  expect(c.created_at, where).toMatch(TIME);
  expect(c.updated_at, where).toMatch(TIME);
  expect(Number.isInteger(c.position), where).toBe(true);
  expect(c.description === null || typeof c.description === "string", where).toBe(true);
  expect(typeof c.showcase, where).toBe("boolean");
  expect(c.start_date === null || DAY.test(c.start_date), where).toBe(true);
  expect(c.group_id === null || ID.test(c.group_id), where).toBe(true);
  expect(c.page_id, where).toBe(pageId);
  expect(typeof c.group, where).toBe("boolean");
  expect(typeof c.only_show_if_degraded, where).toBe("boolean");
  if (c.group) for (const id of c.components) expect(id, where).toMatch(ID);
}

function checkUpdate(u: any, parentId: string, statuses: string[]) {
  const where = `update ${u.id}`;
  expectKeys(u, UPDATE_KEYS, where);
  expect(u.id, where).toMatch(ID);
  expect(statuses, where).toContain(u.status);
  expect(u.body, where).toEqual(expect.any(String));
  expect(u.incident_id, where).toBe(parentId);
  for (const key of ["created_at", "updated_at", "display_at"]) expect(u[key], `${where} ${key}`).toMatch(TIME);
  expect(typeof u.deliver_notifications, where).toBe("boolean");
  expect(u.custom_tweet, where).toBeNull();
  expect(u.tweet_id, where).toBeNull();
  for (const a of u.affected_components) {
    expectKeys(a, AFFECTED_KEYS, `${where} affected`);
    expect(a.code).toMatch(ID);
    expect(a.name).toEqual(expect.any(String));
    expect(COMPONENT_STATUSES).toContain(a.old_status);
    expect(COMPONENT_STATUSES).toContain(a.new_status);
  }
}

function checkEvent(e: any, pageId: string, kind: "incident" | "maintenance") {
  const where = `${kind} ${e.id}`;
  expectKeys(e, kind === "incident" ? INCIDENT_KEYS : MAINTENANCE_KEYS, where);
  expect(e.id, where).toMatch(ID);
  expect(e.name, where).toEqual(expect.any(String));
  if (kind === "incident") {
    expect(INCIDENT_STATUSES, where).toContain(e.status);
    expect(["none", "minor", "major", "critical"], where).toContain(e.impact);
  } else {
    expect(MAINTENANCE_STATUSES, where).toContain(e.status);
    expect(e.impact, where).toBe("maintenance");
    expect(e.scheduled_for, where).toMatch(TIME);
    expect(e.scheduled_until, where).toMatch(TIME);
  }
  for (const key of ["created_at", "updated_at", "started_at"]) expect(e[key], `${where} ${key}`).toMatch(TIME);
  for (const key of ["monitoring_at", "resolved_at"]) expect(isTimeOrNull(e[key]), `${where} ${key}`).toBe(true);
  expect(e.shortlink, where).toMatch(/^https?:\/\/\S+$/);
  expect(e.page_id, where).toBe(pageId);
  e.incident_updates.forEach((u: any) => checkUpdate(u, e.id, kind === "incident" ? INCIDENT_STATUSES : MAINTENANCE_STATUSES));
  const shown = e.incident_updates.map((u: any) => Date.parse(u.display_at));
  expect(shown, `${where} updates newest first`).toEqual([...shown].sort((a, b) => b - a));
  e.components.forEach((c: any) => checkComponent(c, pageId));
}

/** A GET without fetch's automatic decompression, to see the bytes on the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject).end();
  });
}

/** Minimal well-formedness: one root, balanced tags, no stray ampersands. */
function expectWellFormedXml(xml: string, root: string) {
  expect(xml.startsWith("<?xml")).toBe(true);
  const body = xml.replace(/<\?xml[^?]*\?>/, "").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  expect(body).not.toMatch(/&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/);
  const stack: string[] = [];
  let roots = 0;
  for (const [, closing, name, selfClosing] of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  expect(body.trim().startsWith(`<${root}`)).toBe(true);
}

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
    await publish(activeId, { status: "investigating", body: "We are looking into errors.", components: [{ id: member, status: "partial_outage" }] });
    await publish(activeId, { status: "identified", body: "We found the cause and are fixing it.", components: [{ id: member, status: "partial_outage" }] });
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
      expect(bodies[path].incidents.map((i: any) => i.id), path).not.toContain(resolved);
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
    for (const [path, type, root] of [["/history.atom", "application/atom+xml", "feed"], ["/history.rss", "application/rss+xml", "rss"]]) {
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
