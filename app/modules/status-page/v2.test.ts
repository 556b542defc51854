import { describe, expect, it } from "vitest";
import { COMPONENT_STATUSES, MAINTENANCE_STATUSES, PUBLIC_INCIDENT_STATUSES } from "./model.ts";
import type { PublicComponent, PublicIncident, PublicMaintenance, PublicPage, PublicUpdate } from "./model.ts";
import {
  activeMaintenancesJson,
  type ComponentJson,
  componentsJson,
  type IncidentUpdateJson,
  incidentsJson,
  maintenancesJson,
  statusJson,
  summaryJson,
  unresolvedIncidentsJson,
  upcomingMaintenancesJson,
} from "./v2.ts";

const ID = /^[0-9a-z]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const t = (s: string) => new Date(s);

const PAGE_KEYS = ["id", "name", "url", "time_zone", "updated_at"];
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

function component(id: string, name: string, extra: Partial<PublicComponent> = {}): PublicComponent {
  return {
    id,
    name,
    description: null,
    status: "operational",
    position: 1,
    groupId: null,
    isGroup: false,
    memberIds: [],
    // 23:30 UTC is already the next day in Berlin
    createdAt: t("2026-01-01T23:30:00.000Z"),
    updatedAt: t("2026-11-23T14:05:00.000Z"),
    ...extra,
  };
}

function update(id: string, status: PublicUpdate["status"], body: string, at: string, extra: Partial<PublicUpdate> = {}): PublicUpdate {
  return { id, status, body, displayAt: t(at), createdAt: t(at), updatedAt: t(at), affectedComponents: [], deliverNotifications: true, ...extra };
}

function incident(id: string, status: PublicIncident["status"], createdAt: string, extra: Partial<PublicIncident> = {}): PublicIncident {
  return {
    kind: "incident",
    id,
    name: `Incident ${id}`,
    status,
    impact: "minor",
    createdAt: t(createdAt),
    updatedAt: t(createdAt),
    startedAt: t(createdAt),
    monitoringAt: null,
    resolvedAt: null,
    componentIds: [],
    updates: [],
    ...extra,
  };
}

function maintenance(id: string, status: PublicMaintenance["status"], scheduledFor: string): PublicMaintenance {
  return {
    kind: "maintenance",
    id,
    name: `Maintenance ${id}`,
    status,
    impact: "maintenance",
    createdAt: t("2026-11-01T09:00:00.000Z"),
    updatedAt: t("2026-11-01T09:00:00.000Z"),
    startedAt: t(scheduledFor),
    monitoringAt: null,
    resolvedAt: null,
    componentIds: ["c3a2b3c4d5e6"],
    updates: [update(`u${id.slice(1)}`, status, "We will be undergoing scheduled maintenance during this time.", "2026-11-01T09:00:00.000Z")],
    scheduledFor: t(scheduledFor),
    scheduledUntil: t(new Date(t(scheduledFor).getTime() + 2 * 3600_000).toISOString()),
  };
}

const api = component("g1a2b3c4d5e6", "API", { isGroup: true, memberIds: ["c1a2b3c4d5e6", "c2a2b3c4d5e6"], status: "partial_outage" });
const messages = component("c1a2b3c4d5e6", "Messages endpoint", { groupId: api.id, status: "partial_outage", description: "Sending and reading messages" });
const streaming = component("c2a2b3c4d5e6", "Streaming", { groupId: api.id, position: 2 });
const dashboard = component("c3a2b3c4d5e6", "Dashboard", { position: 2 });

const outage = incident("i1a2b3c4d5e6", "identified", "2026-11-23T13:40:00.000Z", {
  name: "Elevated errors on the API",
  impact: "major",
  updatedAt: t("2026-11-23T14:05:00.000Z"),
  componentIds: [messages.id],
  // deliberately oldest first: the API must still list the newest first
  updates: [
    update("u1a2b3c4d5e6", "investigating", "We are currently investigating this issue.", "2026-11-23T13:45:00.000Z", { deliverNotifications: false }),
    update("u2a2b3c4d5e6", "identified", "The issue has been identified and a fix is being implemented.", "2026-11-23T14:05:00.000Z", {
      affectedComponents: [{ id: messages.id, name: "API - Messages endpoint", oldStatus: "operational", newStatus: "partial_outage" }],
    }),
  ],
});
const yesterday = incident("i2a2b3c4d5e6", "resolved", "2026-11-22T08:00:00.000Z", {
  monitoringAt: t("2026-11-22T08:30:00.000Z"),
  resolvedAt: t("2026-11-22T09:00:00.000Z"),
  componentIds: [api.id, dashboard.id],
  updates: [update("u3a2b3c4d5e6", "resolved", "This incident has been resolved.", "2026-11-22T09:00:00.000Z")],
});
const upcoming = maintenance("m1a2b3c4d5e6", "scheduled", "2026-11-30T02:00:00.000Z");
const active = maintenance("m2a2b3c4d5e6", "in_progress", "2026-11-23T13:00:00.000Z");
const done = maintenance("m3a2b3c4d5e6", "completed", "2026-11-10T02:00:00.000Z");

function fixture(extra: Partial<PublicPage> = {}): PublicPage {
  return {
    page: { id: "kctbh9vrtdwd", name: "Acme", url: "https://status.acme.test", timeZone: "Europe/Berlin", updatedAt: t("2026-11-23T14:05:00.000Z") },
    components: [api, messages, streaming, dashboard],
    incidents: [outage, yesterday],
    maintenances: [upcoming, active, done],
    history: [],
    weights: { partialOutage: 0.3, degradedPerformance: 0 },
    generatedAt: t("2026-11-23T14:10:00.000Z"),
    ...extra,
  };
}

function expectComponent(json: ComponentJson) {
  expect(Object.keys(json)).toEqual(json.group ? [...COMPONENT_KEYS, "components"] : COMPONENT_KEYS);
  expect(json.id).toMatch(ID);
  expect(json.page_id).toBe("kctbh9vrtdwd");
  expect(COMPONENT_STATUSES).toContain(json.status);
  expect(json.created_at).toMatch(ISO_MS);
  expect(json.updated_at).toMatch(ISO_MS);
  expect(typeof json.position).toBe("number");
  expect(json.description === null || typeof json.description === "string").toBe(true);
  expect(json.showcase).toBe(!json.group);
  expect(json.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(json.group_id === null || ID.test(json.group_id)).toBe(true);
  expect(json.only_show_if_degraded).toBe(false);
}

function expectUpdate(json: IncidentUpdateJson, eventId: string) {
  expect(Object.keys(json)).toEqual(UPDATE_KEYS);
  expect(json.id).toMatch(ID);
  expect(json.incident_id).toBe(eventId);
  expect(typeof json.body).toBe("string");
  for (const key of ["created_at", "updated_at", "display_at"] as const) expect(json[key]).toMatch(ISO_MS);
  expect(typeof json.deliver_notifications).toBe("boolean");
  expect(json.custom_tweet).toBeNull();
  expect(json.tweet_id).toBeNull();
  for (const affected of json.affected_components) {
    expect(Object.keys(affected)).toEqual(["code", "name", "old_status", "new_status"]);
    expect(COMPONENT_STATUSES).toContain(affected.old_status);
    expect(COMPONENT_STATUSES).toContain(affected.new_status);
  }
}

describe("Statuspage v2 JSON", () => {
  it("gives the page and status objects their exact keys", () => {
    const body = statusJson(fixture());
    expect(Object.keys(body)).toEqual(["page", "status"]);
    expect(Object.keys(body.page)).toEqual(PAGE_KEYS);
    expect(body.page).toEqual({ id: "kctbh9vrtdwd", name: "Acme", url: "https://status.acme.test", time_zone: "Europe/Berlin", updated_at: "2026-11-23T14:05:00.000Z" });
    expect(body.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    expect(Object.keys(body.status)).toEqual(["indicator", "description"]);
  });

  it("lists components in display order, with a group's members and a member's group", () => {
    const { components } = componentsJson(fixture());
    expect(components.map((c) => c.name)).toEqual(["API", "Messages endpoint", "Streaming", "Dashboard"]);
    components.forEach(expectComponent);
    const [group, member, , plain] = components;
    expect(group).toMatchObject({ group: true, showcase: false, group_id: null, components: [messages.id, streaming.id] });
    expect(member).toMatchObject({ group: false, showcase: true, group_id: api.id, description: "Sending and reading messages", status: "partial_outage" });
    expect(plain).toMatchObject({ group: false, group_id: null, description: null });
    expect("components" in plain).toBe(false);
    // created at 23:30 UTC on 1 January, which is 2 January in Berlin
    expect(plain.start_date).toBe("2026-01-02");
    expect(plain.created_at).toBe("2026-01-01T23:30:00.000Z");
  });

  it("gives every incident and update their exact keys, updates newest first", () => {
    const { incidents } = incidentsJson(fixture());
    expect(incidents.map((i) => i.id)).toEqual([outage.id, yesterday.id]);
    for (const json of incidents) {
      expect(Object.keys(json)).toEqual(INCIDENT_KEYS);
      expect(json.id).toMatch(ID);
      expect(PUBLIC_INCIDENT_STATUSES).toContain(json.status);
      expect(["none", "minor", "major", "critical"]).toContain(json.impact);
      for (const key of ["created_at", "updated_at", "started_at"] as const) expect(json[key]).toMatch(ISO_MS);
      expect(json.shortlink).toBe(`https://status.acme.test/incidents/${json.id}`);
      expect(json.page_id).toBe("kctbh9vrtdwd");
      json.incident_updates.forEach((u) => expectUpdate(u, json.id));
      json.components.forEach(expectComponent);
    }
    const [open, resolved] = incidents;
    expect(open).toMatchObject({ status: "identified", impact: "major", monitoring_at: null, resolved_at: null, started_at: "2026-11-23T13:40:00.000Z" });
    expect(open.incident_updates.map((u) => u.status)).toEqual(["identified", "investigating"]);
    expect(open.incident_updates[0].affected_components).toEqual([
      { code: messages.id, name: "API - Messages endpoint", old_status: "operational", new_status: "partial_outage" },
    ]);
    expect(open.incident_updates[1].affected_components).toEqual([]);
    expect(open.incident_updates[1].deliver_notifications).toBe(false);
    expect(open.components.map((c) => c.name)).toEqual(["Messages endpoint"]);
    expect(resolved).toMatchObject({ monitoring_at: "2026-11-22T08:30:00.000Z", resolved_at: "2026-11-22T09:00:00.000Z" });
    expect(resolved.components.map((c) => c.id)).toEqual([api.id, dashboard.id]);
  });

  it("gives every maintenance the incident keys plus its schedule", () => {
    const { scheduled_maintenances } = maintenancesJson(fixture());
    expect(scheduled_maintenances.map((m) => m.id)).toEqual([upcoming.id, active.id, done.id]);
    for (const json of scheduled_maintenances) {
      expect(Object.keys(json)).toEqual(MAINTENANCE_KEYS);
      expect(MAINTENANCE_STATUSES).toContain(json.status);
      expect(json.impact).toBe("maintenance");
      expect(json.scheduled_for).toMatch(ISO_MS);
      expect(json.scheduled_until).toMatch(ISO_MS);
      json.incident_updates.forEach((u) => expectUpdate(u, json.id));
      json.components.forEach(expectComponent);
    }
    expect(scheduled_maintenances[0]).toMatchObject({ scheduled_for: "2026-11-30T02:00:00.000Z", scheduled_until: "2026-11-30T04:00:00.000Z" });
  });

  it("shows only open incidents as unresolved and splits maintenances into upcoming and active", () => {
    const p = fixture({ incidents: [incident("i3a2b3c4d5e6", "monitoring", "2026-11-23T14:00:00.000Z"), outage, incident("i4a2b3c4d5e6", "postmortem", "2026-11-20T00:00:00.000Z"), yesterday] });
    expect(unresolvedIncidentsJson(p).incidents.map((i) => i.id)).toEqual(["i3a2b3c4d5e6", outage.id]);
    expect(upcomingMaintenancesJson(p).scheduled_maintenances.map((m) => m.id)).toEqual([upcoming.id]);
    const verifying = { ...active, id: "m4a2b3c4d5e6", status: "verifying" as const };
    const withVerifying = fixture({ maintenances: [upcoming, active, verifying, done] });
    expect(activeMaintenancesJson(withVerifying).scheduled_maintenances.map((m) => m.id)).toEqual([active.id, verifying.id]);
  });

  it("puts the page, components, open incidents, upcoming and active maintenances and status in the summary", () => {
    const body = summaryJson(fixture());
    expect(Object.keys(body)).toEqual(["page", "components", "incidents", "scheduled_maintenances", "status"]);
    expect(body.components).toHaveLength(4);
    expect(body.incidents.map((i) => i.id)).toEqual([outage.id]);
    expect(body.scheduled_maintenances.map((m) => m.id)).toEqual([upcoming.id, active.id]);
    expect(body.status).toEqual({ indicator: "major", description: "Partial System Outage" });
  });

  it("never drops a key when serialised: absent values are null", () => {
    const body = summaryJson(fixture());
    expect(JSON.parse(JSON.stringify(body))).toStrictEqual(body);
  });

  it("gives a root-cause report's body as plain text with line breaks, as Statuspage clients show it", () => {
    const body = "## Why it happened\nA **router** limit.\n\n- Cap [per cluster](https://acme.test/blog)";
    const report = update("u9a2b3c4d5e6", "postmortem", body, "2026-11-23T09:00:00.000Z");
    const page = fixture({ incidents: [{ ...yesterday, status: "postmortem", updates: [report, ...yesterday.updates] }] });
    const [json] = incidentsJson(page).incidents;
    expect(json.incident_updates[0].body).toBe("Why it happened\nA router limit.\n\n- Cap per cluster (https://acme.test/blog)");
    expect(json.incident_updates[1].body).toBe("This incident has been resolved.");
  });

  it("lists only the 50 most recent incidents and maintenances", () => {
    const base = t("2026-01-01T00:00:00.000Z").getTime();
    const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(11, "0")}`;
    // oldest first on purpose: the cut must keep the newest
    const incidents = Array.from({ length: 60 }, (_, n) => incident(id("i", n), "resolved", new Date(base + n * 3600_000).toISOString()));
    const maintenances = Array.from({ length: 55 }, (_, n) => maintenance(id("m", n), "completed", new Date(base + n * 3600_000).toISOString()));
    const p = fixture({ incidents, maintenances });
    const listed = incidentsJson(p).incidents;
    expect(listed).toHaveLength(50);
    expect(listed[0].id).toBe(id("i", 59));
    expect(listed[49].id).toBe(id("i", 10));
    listed.forEach((i) => expect(i.id).toMatch(ID));
    const scheduled = maintenancesJson(p).scheduled_maintenances;
    expect(scheduled).toHaveLength(50);
    expect(scheduled[0].id).toBe(id("m", 54));
  });
});
