import { describe, expect, it } from "vitest";
import { MAINTENANCE_STATUSES, PUBLIC_INCIDENT_STATUSES } from "./model.ts";
import {
  activeMaintenancesJson,
  componentsJson,
  incidentsJson,
  maintenancesJson,
  statusJson,
  summaryJson,
  unresolvedIncidentsJson,
  upcomingMaintenancesJson,
} from "./v2.ts";
import {
  ID,
  ISO_MS,
  t,
  PAGE_KEYS,
  INCIDENT_KEYS,
  MAINTENANCE_KEYS,
  update,
  incident,
  maintenance,
  api,
  messages,
  streaming,
  dashboard,
  outage,
  yesterday,
  upcoming,
  active,
  done,
  fixture,
  expectComponent,
  expectUpdate,
} from "./v2.fixtures.ts";

describe("Statuspage v2 JSON", () => {
  it("gives the page and status objects their exact keys", () => {
    const body = statusJson(fixture());
    expect(Object.keys(body)).toEqual(["page", "status"]);
    expect(Object.keys(body.page)).toEqual(PAGE_KEYS);
    expect(body.page).toEqual({
      id: "kctbh9vrtdwd",
      name: "Acme",
      url: "https://status.acme.test",
      time_zone: "Europe/Berlin",
      updated_at: "2026-11-23T14:05:00.000Z",
    });
    expect(body.status).toEqual({ indicator: "major", description: "Partial System Outage" });
    expect(Object.keys(body.status)).toEqual(["indicator", "description"]);
  });

  it("lists components in display order, with a group's members and a member's group", () => {
    const { components } = componentsJson(fixture());
    expect(components.map((c) => c.name)).toEqual(["API", "Messages endpoint", "Streaming", "Dashboard"]);
    components.forEach(expectComponent);
    const [group, member, , plain] = components;
    expect(group).toMatchObject({ group: true, showcase: false, group_id: null, components: [messages.id, streaming.id] });
    expect(member).toMatchObject({
      group: false,
      showcase: true,
      group_id: api.id,
      description: "Sending and reading messages",
      status: "partial_outage",
    });
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
    expect(open).toMatchObject({
      status: "identified",
      impact: "major",
      monitoring_at: null,
      resolved_at: null,
      started_at: "2026-11-23T13:40:00.000Z",
    });
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
    expect(scheduled_maintenances[0]).toMatchObject({
      scheduled_for: "2026-11-30T02:00:00.000Z",
      scheduled_until: "2026-11-30T04:00:00.000Z",
    });
  });

  it("shows only open incidents as unresolved and splits maintenances into upcoming and active", () => {
    const p = fixture({
      incidents: [
        incident("i3a2b3c4d5e6", "monitoring", "2026-11-23T14:00:00.000Z"),
        outage,
        incident("i4a2b3c4d5e6", "postmortem", "2026-11-20T00:00:00.000Z"),
        yesterday,
      ],
    });
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
    const maintenances = Array.from({ length: 55 }, (_, n) =>
      maintenance(id("m", n), "completed", new Date(base + n * 3600_000).toISOString()),
    );
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
