// The first public update (issue 14, item 7): minutes per severity after the declaration, an admin
// setting (role-checked, refused with a 422 naming the field, audited); the room, rendered by the
// server, counts down to it, prompts once it is overdue (the prompt's action only for roles that
// may draft), and says nothing once an update is published or when no customer sees the incident.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, signedInApi } from "./postmortem-fixtures.ts";

const MINUTE = 60_000;
const AUDIT = `"action" = 'settings.first_update_targets_updated'`;

describe.each(databases())("the first public update on %s", (database) => {
  let app: TestApp;
  let people: Record<"responder" | "comms" | "viewer", Api>;
  let componentId: string;

  beforeAll(async () => {
    app = await startApp({ database });
    people = {
      responder: await signedInApi(app, "responder@northwind.example"),
      comms: await signedInApi(app, "comms@northwind.example"),
      viewer: await signedInApi(app, "viewer@northwind.example"),
    };
    const { components } = (await app.api.get("/api/v1/components")).body as { components: { id: string; name: string; group: boolean }[] };
    componentId = components.find((c) => c.name === "Embeddings" && !c.group)!.id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  const put = (body: unknown) =>
    app.api.raw("PUT", "/api/v1/first-update-targets", JSON.stringify(body), { "content-type": "application/json" });

  it("has SEV1 10, SEV2 20, SEV3 60 minutes and none for SEV4 until an admin changes them; refuses what is not whole minutes", async () => {
    expect((await app.api.get("/api/v1/first-update-targets")).body.minutes).toEqual({ SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null });
    const audits = await app.db.count("AuditEvent", AUDIT);
    for (const [body, field] of [
      [{ SEV1: 0, SEV2: 20, SEV3: 60, SEV4: null }, "SEV1"],
      [{ SEV1: 10, SEV2: 7.5, SEV3: 60, SEV4: null }, "SEV2"],
      [{ SEV1: 10, SEV2: 20, SEV3: "soon", SEV4: null }, "SEV3"],
      [{ SEV1: 10, SEV2: 20, SEV3: 60, SEV4: 1441 }, "SEV4"],
      [{ SEV1: 10, SEV2: 20, SEV3: 60, SEV4: -1 }, "SEV4"],
      [{ SEV1: 10, SEV2: 20, SEV3: 60 }, "SEV4"],
      [{ SEV1: "", SEV2: 20, SEV3: 60, SEV4: null }, "SEV1"],
    ] as const) {
      const refused = await put(body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(refused.body.error.fields)).toEqual([field]);
      expect(refused.body.error.fields[field]).toMatch(/whole number of minutes from 1 to 1440|expected|required/i);
    }
    // not JSON: refused before anything is read
    expect(
      (await app.api.raw("PUT", "/api/v1/first-update-targets", "SEV1=5", { "content-type": "application/x-www-form-urlencoded" })).status,
    ).toBe(415);

    // The settings form says the same, by field.
    const cookie = await cookieOf(app, "admin@northwind.example");
    const form = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl, accept: "application/json" },
      body: new URLSearchParams({ intent: "first-update", SEV1: "2.5", SEV2: "20", SEV3: "", SEV4: "" }),
    });
    expect(form.status).toBe(422);
    const refusal = await form.text();
    expect(refusal).toContain("SEV1");
    expect(refusal).toContain("must be a whole number of minutes from 1 to 1440, or null for none");
    expect(await app.db.count("AuditEvent", AUDIT)).toBe(audits);

    const saved = await put({ SEV1: 5, SEV2: 20, SEV3: null, SEV4: 1440 });
    expect(saved.status).toBe(200);
    expect(saved.body.minutes).toEqual({ SEV1: 5, SEV2: 20, SEV3: null, SEV4: 1440 });
    expect((await app.api.get("/api/v1/first-update-targets")).body.minutes).toEqual({ SEV1: 5, SEV2: 20, SEV3: null, SEV4: 1440 });
    const [audit] = await app.db.rows<{ before: unknown; after: unknown }>(
      `SELECT "before", "after" FROM "AuditEvent" WHERE ${AUDIT} ORDER BY "at" DESC LIMIT 1`,
    );
    // JSON is text on SQLite, parsed already on Postgres
    const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
    expect(json(audit!.before)).toEqual({ SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null });
    expect(json(audit!.after)).toEqual({ SEV1: 5, SEV2: 20, SEV3: null, SEV4: 1440 });
    expect(await app.db.count("AuditEvent", AUDIT)).toBe(audits + 1);

    // The form saves too (an empty field is none).
    const byForm = await fetch(`${app.baseUrl}/admin/settings`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl, accept: "application/json" },
      body: new URLSearchParams({ intent: "first-update", SEV1: "10", SEV2: "20", SEV3: "60", SEV4: "" }),
    });
    expect(byForm.status).toBe(200);
    expect((await app.api.get("/api/v1/first-update-targets")).body.minutes).toEqual({ SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null });
  });

  it("lets only admins read or change them", async () => {
    const audits = await app.db.count("AuditEvent", AUDIT);
    for (const [role, person] of Object.entries(people)) {
      expect((await person.get("/api/v1/first-update-targets")).status, role).toBe(403);
      const refused = await person.raw("PUT", "/api/v1/first-update-targets", JSON.stringify({ SEV1: 1, SEV2: 1, SEV3: 1, SEV4: 1 }));
      expect(refused.status, role).toBe(403);
    }
    expect((await app.api.get("/api/v1/first-update-targets")).body.minutes.SEV1).toBe(10);
    expect(await app.db.count("AuditEvent", AUDIT)).toBe(audits);
  });

  const declare = async (severity: string, withComponent = true) => {
    const now = new Date().toISOString();
    const created = await app.api.post("/api/v1/incidents", {
      title: `Embeddings time out ${Math.random().toString(36).slice(2, 8)}`,
      severity,
      startedAt: now,
      detectedAt: now,
      components: withComponent ? [{ id: componentId, impact: "major_outage" }] : [],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.incident as { id: string; ref: string };
  };
  /** The room's first-update line as text, or null when the room shows none. */
  const firstUpdateLine = async (person: Api, id: string) => {
    const page = await person.get(`/incidents/${id}`, { accept: "text/html" });
    expect(page.status).toBe(200);
    const html = page.body as string;
    const at = html.indexOf('data-testid="first-update"');
    if (at < 0) return null;
    const end = html.indexOf("</p>", at);
    return html.slice(at, end);
  };
  const words = (line: string | null) =>
    line &&
    line
      .replace(/<[^>]+>/g, "")
      .replace(/^[^>]*>/, "")
      .trim();

  it("counts down from the declaration in the room, then prompts; only roles that may draft get the action", async () => {
    const incident = await declare("SEV1");
    expect(words(await firstUpdateLine(people.viewer, incident.id))).toMatch(/^First public update due in (10|9) min$/);

    // declared 14 minutes ago: 4 minutes overdue, on every reload
    await app.db.execute(`UPDATE "Incident" SET "createdAt" = ? WHERE "id" = ?`, new Date(Date.now() - 14 * MINUTE - 5_000), incident.id);
    const responder = await firstUpdateLine(people.responder, incident.id);
    expect(words(responder)).toBe("First public update is 4 min overdue — Draft it now");
    expect(responder).toContain(`href="/incidents/${incident.id}/comms?status=investigating"`);
    expect(words(await firstUpdateLine(people.comms, incident.id))).toBe("First public update is 4 min overdue — Draft it now");
    const viewer = await firstUpdateLine(people.viewer, incident.id);
    expect(words(viewer)).toBe("First public update is 4 min overdue");
    expect(viewer).not.toContain("href=");

    // the comms tab's composer starts from the status's default template, filled
    const comms = (await people.comms.get(`/incidents/${incident.id}/comms?status=investigating`, { accept: "text/html" })).body as string;
    expect(comms).toMatch(/<textarea[^>]*name="body"[^>]*>[^<]*investigating[^<]*Embeddings/i);
  });

  it("goes once the first update is published, and is not shown where no customer sees the incident or no target is set", async () => {
    const incident = await declare("SEV2");
    expect(words(await firstUpdateLine(people.viewer, incident.id))).toMatch(/^First public update due in (20|19) min$/);
    const published = await people.comms.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      publish: true,
      components: [{ id: componentId, status: "major_outage" }],
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(await firstUpdateLine(people.viewer, incident.id)).toBeNull();

    expect(await firstUpdateLine(people.viewer, (await declare("SEV4")).id)).toBeNull();
    expect(await firstUpdateLine(people.viewer, (await declare("SEV1", false)).id)).toBeNull();
  });

  it("asks the comms tab for the status's default template when the room links to it, and refuses a status there is none for", async () => {
    const incident = await declare("SEV3");
    const identified = (await people.responder.get(`/incidents/${incident.id}/comms?status=identified`, { accept: "text/html" }))
      .body as string;
    expect(identified).toMatch(/<option value="identified" selected="">/);
    const refused = await people.responder.get(`/incidents/${incident.id}/comms?status=exploded`, { accept: "text/html" });
    expect(refused.status).toBe(400);
    expect(String(refused.body)).toContain("status");
  });
});
