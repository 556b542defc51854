// The reference's shapes for status-api-contract.test.ts: the keys and values each Statuspage v2 body must
// have (../shared/reference/statuspage-v2.md), the checks of a page, component, update and incident or
// maintenance against them, a raw GET (to see gzip and 304s) and a well-formedness check for the feeds.
import { request } from "node:http";
import { expect } from "vitest";

const ID = /^[0-9a-z]{12}$/;
export const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
export const CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=60, stale-if-error=86400";

const PAGE_KEYS = ["id", "name", "url", "time_zone", "updated_at"];
export const STATUS_KEYS = ["indicator", "description"];
const COMPONENT_KEYS = [
  "id",
  "name",
  "status",
  "created_at",
  "updated_at",
  "position",
  "description",
  "showcase",
  "start_date",
  "group_id",
  "page_id",
  "group",
  "only_show_if_degraded",
];
const INCIDENT_KEYS = [
  "id",
  "name",
  "status",
  "impact",
  "created_at",
  "updated_at",
  "monitoring_at",
  "resolved_at",
  "shortlink",
  "started_at",
  "page_id",
  "incident_updates",
  "components",
];
const MAINTENANCE_KEYS = [...INCIDENT_KEYS, "scheduled_for", "scheduled_until"];
const UPDATE_KEYS = [
  "id",
  "status",
  "body",
  "incident_id",
  "created_at",
  "updated_at",
  "display_at",
  "affected_components",
  "deliver_notifications",
  "custom_tweet",
  "tweet_id",
];
const AFFECTED_KEYS = ["code", "name", "old_status", "new_status"];

const COMPONENT_STATUSES = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"];
const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"];
export const UNRESOLVED = ["investigating", "identified", "monitoring"];
const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"];
export const INDICATORS = ["none", "minor", "major", "critical", "maintenance"];
export const DESCRIPTIONS = [
  "All Systems Operational",
  "Partially Degraded Service",
  "Minor Service Outage",
  "Partial System Outage",
  "Degraded System Service",
  "Major System Outage",
  "Service Under Maintenance",
];

export const ENDPOINTS: Record<string, string[]> = {
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
export const expectKeys = (value: object, keys: string[], where: string) => expect(sorted(Object.keys(value)), where).toEqual(sorted(keys));
const isTimeOrNull = (v: unknown) => v === null || (typeof v === "string" && TIME.test(v));

export function checkPage(page: any) {
  expectKeys(page, PAGE_KEYS, "page");
  expect(page.id).toMatch(ID);
  expect(page.name).toEqual(expect.any(String));
  expect(page.url).toMatch(/^https?:\/\//);
  expect(page.time_zone).toEqual(expect.any(String));
  expect(page.updated_at).toMatch(TIME);
}

export function checkComponent(c: any, pageId: string) {
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

export function checkEvent(e: any, pageId: string, kind: "incident" | "maintenance") {
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
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

/** Minimal well-formedness: one root, balanced tags, no stray ampersands. */
export function expectWellFormedXml(xml: string, root: string) {
  expect(xml.startsWith("<?xml")).toBe(true);
  const body = xml
    .replace(/<\?xml[^?]*\?>/, "")
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
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
