// A page's form acts only on what belongs to the page in its URL: the comms tab of incident A
// refuses (404) every intent aimed at an update of incident B, or at a maintenance notice, and
// changes nothing; the incident room does the same for timeline entries. The same posts to
// the right incident's page succeed, so the refusal is about the scope, not the request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { cookieOf, signedInApi } from "./postmortem-fixtures.ts";

type Update = { id: string; state: string; body: string; approvedBy: unknown };

describe.each(databases())("forms scoped to the page they are on, on %s", (database) => {
  let app: TestApp;
  let cookie: string;
  /** Tomás Rivera (comms), who posts the forms; the updates are drafted by the bootstrap admin */
  let tomas: Api;

  const post = (path: string, fields: Record<string, string>) =>
    fetch(app.baseUrl + path, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });

  async function declare(severity: string) {
    const response = await app.api.post("/api/v1/incidents", {
      title: `Scoped forms ${severity} ${Math.random().toString(36).slice(2, 8)}`,
      severity,
    });
    expect(response.status).toBe(201);
    return response.body.incident.id as string;
  }

  async function draft(incidentId: string, extra: Record<string, unknown> = {}) {
    const response = await app.api.post(`/api/v1/incidents/${incidentId}/updates`, {
      status: "investigating",
      body: `Draft ${Math.random()}`,
      ...extra,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.update as Update;
  }

  const read = async (id: string) => {
    const response = await app.api.get(`/api/v1/updates/${id}`);
    return response.status === 200 ? (response.body.update as Update) : null;
  };

  beforeAll(async () => {
    app = await startApp({ database });
    cookie = await cookieOf(app, "tomas.rivera@northwind.example");
    tomas = await signedInApi(app, "tomas.rivera@northwind.example");
  });
  afterAll(() => app?.stop());

  it("refuses every intent of incident A's comms form on an update of incident B, and takes it on B's own page", async () => {
    const a = await declare("SEV3");
    const b = await declare("SEV1");
    const sev3 = await declare("SEV3");
    // For each intent an update of B (or of a SEV3 for publish) in the state where it would succeed.
    const cases: { intent: string; update: Update; owner: string; fields?: Record<string, string> }[] = [
      { intent: "edit", update: await draft(b), owner: b, fields: { body: "Rewritten from the wrong page." } },
      { intent: "request-approval", update: await draft(b), owner: b },
      { intent: "approve", update: await draft(b, { publish: true }), owner: b },
      { intent: "refuse", update: await draft(b, { publish: true }), owner: b, fields: { reason: "Not from this page." } },
      { intent: "publish", update: await draft(sev3), owner: sev3 },
      { intent: "discard", update: await draft(b), owner: b },
    ];
    const eventsBefore = await app.db.count("IncidentEvent", `"incidentId" = ?`, a);
    for (const { intent, update, fields } of cases) {
      const before = await read(update.id);
      const crossed = await post(`/incidents/${a}/comms`, { intent, updateId: update.id, ...fields });
      expect(crossed.status, `${intent} through another incident's form`).toBe(404);
      expect(await read(update.id), `${intent} left the update as it was`).toEqual(before);
    }
    expect(await app.db.count("IncidentEvent", `"incidentId" = ?`, a)).toBe(eventsBefore);
    expect(
      await app.db.count(
        "AuditEvent",
        `"entityId" IN (${cases.map(() => "?").join(", ")}) AND "action" <> 'update.drafted'`,
        ...cases.map((c) => c.update.id),
      ),
    ).toBe(0);
    expect(await (await fetch(`${app.baseUrl}/api/v2/incidents.json`)).text()).not.toContain(sev3);

    for (const { intent, update, owner, fields } of cases) {
      const own = await post(`/incidents/${owner}/comms`, { intent, updateId: update.id, ...fields });
      expect(own.status, `${intent} through its own incident's form`).toBe(200);
    }
    expect((await read(cases[0].update.id))!.body).toBe("Rewritten from the wrong page.");
    expect((await read(cases[2].update.id))!.state).toBe("approved");
    expect((await read(cases[3].update.id))!.state).toBe("draft");
    expect((await read(cases[4].update.id))!.state).toBe("published");
    expect(await read(cases[5].update.id)).toBeNull();
  });

  it("refuses an update of a maintenance window and an unknown update on the comms form, and the API keeps answering 404 for them", async () => {
    const a = await declare("SEV3");
    const scheduled = await app.api.post("/api/v1/maintenances", {
      title: "Database failover drill",
      scheduledFor: new Date(Date.now() + 86_400_000).toISOString(),
      scheduledUntil: new Date(Date.now() + 90_000_000).toISOString(),
      components: [(await app.api.get("/api/v1/components")).body.components.find((c: { group: boolean }) => !c.group).id],
      notify: false,
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    const notice = scheduled.body.maintenance.updates[0].id as string;
    for (const intent of ["edit", "request-approval", "approve", "refuse", "publish", "discard"]) {
      expect((await post(`/incidents/${a}/comms`, { intent, updateId: notice, body: "x", reason: "x" })).status, intent).toBe(404);
      expect((await post(`/incidents/${a}/comms`, { intent, updateId: "nosuchupdate", body: "x", reason: "x" })).status, intent).toBe(404);
    }
    expect((await tomas.patch(`/api/v1/updates/${notice}`, { body: "x" })).status).toBe(404);
  });

  it("does not promote a timeline entry of another incident into a draft", async () => {
    const a = await declare("SEV3");
    const b = await declare("SEV3");
    const entry = await app.api.post(`/api/v1/incidents/${b}/timeline`, { body: "B's internal note.", kind: "note" });
    expect(entry.status).toBe(201);
    const before = await app.db.count("StatusUpdate");
    const promoted = await post(`/incidents/${a}/comms`, { intent: "promote", entryId: entry.body.entry.id });
    expect(promoted.status).toBe(422);
    expect(await app.db.count("StatusUpdate")).toBe(before);
  });

  it("refuses the incident room's entry intents on an entry of another incident", async () => {
    const a = await declare("SEV3");
    const b = await declare("SEV3");
    const responder = await cookieOf(app, "responder@northwind.example");
    const entry = (await app.api.post(`/api/v1/incidents/${b}/timeline`, { body: "Written in B.", kind: "note" })).body.entry;
    const room = (fields: Record<string, string>) =>
      fetch(`${app.baseUrl}/incidents/${a}`, {
        method: "POST",
        headers: { cookie: responder, origin: app.baseUrl },
        body: new URLSearchParams(fields),
        redirect: "manual",
      });
    const intents: Record<string, string>[] = [
      { intent: "edit-entry", body: "Rewritten from A." },
      { intent: "pin-entry", pinned: "true" },
      { intent: "delete-entry" },
    ];
    for (const fields of intents) {
      expect((await room({ ...fields, entryId: entry.id })).status, fields.intent).toBe(404);
    }
    const after = (await app.api.get(`/api/v1/incidents/${b}/timeline/${entry.id}`)).body.entry;
    expect(after).toMatchObject({ body: "Written in B.", pinned: false, deletedAt: null });
  });
});
