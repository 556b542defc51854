// The Statuspage v2 tests' page: its components, incidents and maintenances, the keys each JSON
// object has, and the checks every component and update passes. Used by v2.test.ts.
import { expect } from "vitest";
import { COMPONENT_STATUSES } from "./model.ts";
import type { PublicComponent, PublicIncident, PublicMaintenance, PublicPage, PublicUpdate } from "./model.ts";
import { type ComponentJson, type IncidentUpdateJson } from "./v2.ts";

export const ID = /^[0-9a-z]{12}$/;
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const t = (s: string) => new Date(s);

export const PAGE_KEYS = ["id", "name", "url", "time_zone", "updated_at"];
export const COMPONENT_KEYS = [
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
export const INCIDENT_KEYS = [
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
export const MAINTENANCE_KEYS = [...INCIDENT_KEYS, "scheduled_for", "scheduled_until"];
export const UPDATE_KEYS = [
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

export function component(id: string, name: string, extra: Partial<PublicComponent> = {}): PublicComponent {
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

export function update(
  id: string,
  status: PublicUpdate["status"],
  body: string,
  at: string,
  extra: Partial<PublicUpdate> = {},
): PublicUpdate {
  return {
    id,
    status,
    body,
    displayAt: t(at),
    createdAt: t(at),
    updatedAt: t(at),
    affectedComponents: [],
    deliverNotifications: true,
    ...extra,
  };
}

export function incident(
  id: string,
  status: PublicIncident["status"],
  createdAt: string,
  extra: Partial<PublicIncident> = {},
): PublicIncident {
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

export function maintenance(id: string, status: PublicMaintenance["status"], scheduledFor: string): PublicMaintenance {
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
    updates: [
      update(`u${id.slice(1)}`, status, "We will be undergoing scheduled maintenance during this time.", "2026-11-01T09:00:00.000Z"),
    ],
    scheduledFor: t(scheduledFor),
    scheduledUntil: t(new Date(t(scheduledFor).getTime() + 2 * 3600_000).toISOString()),
  };
}

export const api = component("g1a2b3c4d5e6", "API", {
  isGroup: true,
  memberIds: ["c1a2b3c4d5e6", "c2a2b3c4d5e6"],
  status: "partial_outage",
});
export const messages = component("c1a2b3c4d5e6", "Messages endpoint", {
  groupId: api.id,
  status: "partial_outage",
  description: "Sending and reading messages",
});
export const streaming = component("c2a2b3c4d5e6", "Streaming", { groupId: api.id, position: 2 });
export const dashboard = component("c3a2b3c4d5e6", "Dashboard", { position: 2 });

export const outage = incident("i1a2b3c4d5e6", "identified", "2026-11-23T13:40:00.000Z", {
  name: "Elevated errors on the API",
  impact: "major",
  updatedAt: t("2026-11-23T14:05:00.000Z"),
  componentIds: [messages.id],
  // deliberately oldest first: the API must still list the newest first
  updates: [
    update("u1a2b3c4d5e6", "investigating", "We are currently investigating this issue.", "2026-11-23T13:45:00.000Z", {
      deliverNotifications: false,
    }),
    update("u2a2b3c4d5e6", "identified", "The issue has been identified and a fix is being implemented.", "2026-11-23T14:05:00.000Z", {
      affectedComponents: [{ id: messages.id, name: "API - Messages endpoint", oldStatus: "operational", newStatus: "partial_outage" }],
    }),
  ],
});
export const yesterday = incident("i2a2b3c4d5e6", "resolved", "2026-11-22T08:00:00.000Z", {
  monitoringAt: t("2026-11-22T08:30:00.000Z"),
  resolvedAt: t("2026-11-22T09:00:00.000Z"),
  componentIds: [api.id, dashboard.id],
  updates: [update("u3a2b3c4d5e6", "resolved", "This incident has been resolved.", "2026-11-22T09:00:00.000Z")],
});
export const upcoming = maintenance("m1a2b3c4d5e6", "scheduled", "2026-11-30T02:00:00.000Z");
export const active = maintenance("m2a2b3c4d5e6", "in_progress", "2026-11-23T13:00:00.000Z");
export const done = maintenance("m3a2b3c4d5e6", "completed", "2026-11-10T02:00:00.000Z");

export function fixture(extra: Partial<PublicPage> = {}): PublicPage {
  return {
    page: {
      id: "kctbh9vrtdwd",
      name: "Acme",
      url: "https://status.acme.test",
      timeZone: "Europe/Berlin",
      updatedAt: t("2026-11-23T14:05:00.000Z"),
    },
    components: [api, messages, streaming, dashboard],
    incidents: [outage, yesterday],
    maintenances: [upcoming, active, done],
    history: [],
    weights: { partialOutage: 0.3, degradedPerformance: 0 },
    generatedAt: t("2026-11-23T14:10:00.000Z"),
    ...extra,
  };
}

export function expectComponent(json: ComponentJson) {
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

export function expectUpdate(json: IncidentUpdateJson, eventId: string) {
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
