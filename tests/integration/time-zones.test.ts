// One clock (decision 0040): a person's zone is chosen from the list on the account page (or by an
// admin on Admin → Users), an unknown zone is a 422 naming the field and changes nothing, every
// change is audited; milestones typed in the room are read in the zone their inputs showed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { jsonColumn } from "../setup/database-probe.ts";
import { addPerson, postUsersPage, signInAs, type Person } from "./people.ts";

describe.each(databases())("time zones on %s", (database) => {
  let app: TestApp;
  let adminCookie: string;
  let responder: Person;

  beforeAll(async () => {
    app = await startApp({ database });
    adminCookie = await signInAs(app, "admin@northwind.example");
    responder = await addPerson(app, adminCookie, "responder", "zone");
  });
  afterAll(() => app?.stop());

  const post = (path: string, cookie: string, fields: Record<string, string>) =>
    fetch(app.baseUrl + path, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
  const zoneOf = async (id: string) =>
    (await app.db.rows<{ timeZone: string }>(`SELECT "timeZone" FROM "User" WHERE "id" = ?`, id))[0].timeZone;
  const audits = (id: string) =>
    app.db.rows<{ action: string; before: unknown; after: unknown; actorId: string }>(
      `SELECT "action", "before", "after", "actorId" FROM "AuditEvent" WHERE "entityId" = ? AND "action" = 'user.time_zone_changed' ORDER BY "at"`,
      id,
    );

  it("saves a zone chosen on the account page, with an audit row; an unknown zone is a 422 naming the field", async () => {
    const bad = await post("/account", responder.cookie, { intent: "time-zone", timeZone: "Mars/Olympus_Mons" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("must be a time zone from the list");
    expect(await zoneOf(responder.id)).toBe("Etc/UTC");
    expect(await audits(responder.id)).toHaveLength(0);

    const saved = await post("/account", responder.cookie, { intent: "time-zone", timeZone: "America/Los_Angeles" });
    expect(saved.status).toBe(200);
    expect(await zoneOf(responder.id)).toBe("America/Los_Angeles");
    const rows = await audits(responder.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].actorId).toBe(responder.id);
    expect(jsonColumn(rows[0].before)).toEqual({ timeZone: "Etc/UTC" });
    expect(jsonColumn(rows[0].after)).toEqual({ timeZone: "America/Los_Angeles" });
  });

  it("lets an admin set someone's zone on Admin → Users, and nobody else", async () => {
    const other = await addPerson(app, adminCookie, "viewer", "zone-other");
    const refused = await postUsersPage(app, responder.cookie, { intent: "time-zone", userId: other.id, timeZone: "Europe/Paris" });
    expect(refused.status).toBe(403);
    const bad = await postUsersPage(app, adminCookie, { intent: "time-zone", userId: other.id, timeZone: "Europe/Atlantis" });
    expect(bad.status).toBe(422);
    expect(await zoneOf(other.id)).toBe("Etc/UTC");

    const set = await postUsersPage(app, adminCookie, { intent: "time-zone", userId: other.id, timeZone: "Europe/Paris" });
    expect(set.status).toBe(200);
    expect(await zoneOf(other.id)).toBe("Europe/Paris");
    const rows = await audits(other.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].actorId).not.toBe(other.id);
  });

  it("reads 10:00 typed by a Los Angeles reader as 18:00Z, and refuses an unknown zone by name", async () => {
    const declared = await app.api.post("/api/v1/incidents", {
      title: "Clock check",
      severity: "SEV3",
      startedAt: "2026-01-15T17:00:00.000Z",
    });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id as string;
    const startedAt = async () => (await app.api.get(`/api/v1/incidents/${id}`)).body.incident.startedAt;

    const bad = await post(`/incidents/${id}`, responder.cookie, {
      intent: "milestones",
      timeZone: "Nowhere/Else",
      startedAt: "2026-01-15T10:00",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("timeZone");
    expect(await startedAt()).toBe("2026-01-15T17:00:00.000Z");

    // the form names the zone it showed; without one the reader's own zone (America/Los_Angeles) is used
    const typed = await post(`/incidents/${id}`, responder.cookie, {
      intent: "milestones",
      timeZone: "America/Los_Angeles",
      startedAt: "2026-01-15T10:00",
    });
    expect(typed.status).toBe(200);
    expect(await startedAt()).toBe("2026-01-15T18:00:00.000Z");
    const implicit = await post(`/incidents/${id}`, responder.cookie, { intent: "milestones", startedAt: "2026-01-15T09:30" });
    expect(implicit.status).toBe(200);
    expect(await startedAt()).toBe("2026-01-15T17:30:00.000Z");
  });
});
