// Publishing status-page updates through the API, as comms does it: drafts stay internal,
// a publish is on the public page by the time the call returns, a SEV1 needs a second
// person, each role may do only its part, and a token acts as the user who created it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type TestApp } from "../setup/app-server.ts";

const DEMO_PASSWORD = "demo-password-2026";
const SECOND_ADMIN = "marcus.okafor@northwind.example";

describe.each(databases())("publishing status updates on %s", (database) => {
  let app: TestApp;
  let leaves: string[];
  /** tokens made by the bootstrap admin: each acts as that admin, with its own role */
  let viewer: Api;
  let responder: Api;
  let authorsComms: Api;
  /** a comms token of a second person */
  let secondComms: Api;

  async function tokenOf(by: (path: string, body: unknown) => Promise<Response>, role: string): Promise<Api> {
    const response = await by("/api/v1/tokens", { name: `${role} for publishing tests`, role });
    expect(response.status).toBe(201);
    return api(app.baseUrl, (await response.json()).token);
  }

  /** Signs in through the login form and makes a token acting as that person. */
  async function tokenOfPerson(email: string, role: string): Promise<Api> {
    const login = await fetch(`${app.baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const post = (path: string, body: unknown) =>
      fetch(app.baseUrl + path, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
    return tokenOf(post, role);
  }

  async function declare(severity: string, title = `Publishing check ${severity} ${Math.random().toString(36).slice(2, 8)}`) {
    const response = await app.api.post("/api/v1/incidents", { title, severity });
    expect(response.status).toBe(201);
    return response.body.incident as { id: string; title: string };
  }

  async function draft(as: Api, incidentId: string, body: Record<string, unknown>) {
    const response = await as.post(`/api/v1/incidents/${incidentId}/updates`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.update as { id: string; state: string; nextUpdateAt: string | null; publishedAt: string | null };
  }

  const publicJson = async (path: string) => (await fetch(app.baseUrl + path)).json();
  const publicIncidentIds = async () => (await publicJson("/api/v2/incidents.json")).incidents.map((i: { id: string }) => i.id);
  const publicStatusOf = async (componentId: string) =>
    (await publicJson("/api/v2/components.json")).components.find((c: { id: string }) => c.id === componentId).status;

  beforeAll(async () => {
    app = await startApp({ database });
    const post = (path: string, body: unknown) =>
      fetch(app.baseUrl + path, {
        method: "POST",
        headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    [viewer, responder, authorsComms] = await Promise.all(["viewer", "responder", "comms"].map((role) => tokenOf(post, role)));
    secondComms = await tokenOfPerson(SECOND_ADMIN, "comms");
    const { components } = (await app.api.get("/api/v1/components")).body;
    leaves = components
      .filter((c: { group: boolean; status: string }) => !c.group && c.status === "operational")
      .map((c: { id: string }) => c.id);
  });
  afterAll(() => app?.stop());

  it("keeps a declared incident and its draft off the public page", async () => {
    const incident = await declare("SEV3");
    const [component] = leaves;
    const update = await draft(authorsComms, incident.id, {
      status: "investigating",
      body: "Internal words, not yet public.",
      components: [{ id: component, status: "major_outage" }],
    });
    expect(update.state).toBe("draft");
    expect(await publicIncidentIds()).not.toContain(incident.id);
    expect((await publicJson("/api/v2/incidents/unresolved.json")).incidents.map((i: { id: string }) => i.id)).not.toContain(incident.id);
    expect(await publicStatusOf(component)).toBe("operational");
    expect(await (await fetch(`${app.baseUrl}/status`)).text()).not.toContain("Internal words, not yet public.");
  });

  it("publishes a draft on a non-SEV1 incident: JSON and /status show it as soon as the call returns", async () => {
    const incident = await declare("SEV3");
    const component = leaves[1];
    const text = "Some customers see slow page loads. We are investigating.";
    const update = await draft(authorsComms, incident.id, {
      status: "investigating",
      body: text,
      components: [{ id: component, status: "degraded_performance" }],
    });

    const published = await authorsComms.post(`/api/v1/updates/${update.id}/publish`);
    const returned = performance.now();
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.update.state).toBe("published");
    const [unresolved, html] = await Promise.all([
      publicJson("/api/v2/incidents/unresolved.json"),
      fetch(`${app.baseUrl}/status`).then((r) => r.text()),
    ]);
    const served = performance.now() - returned;
    expect(served).toBeLessThan(500);

    const shown = unresolved.incidents.find((i: { id: string }) => i.id === incident.id);
    expect(shown).toMatchObject({ name: incident.title, status: "investigating" });
    expect(shown.incident_updates.map((u: { body: string }) => u.body)).toEqual([text]);
    expect(html).toContain(text);
    expect(html).toContain(incident.title);
    expect(await publicStatusOf(component)).toBe("degraded_performance");
    expect(
      await app.db.count(
        "ComponentStatusChange",
        `"componentId" = ? AND "status" = ? AND "updateId" = ?`,
        component,
        "degraded_performance",
        update.id,
      ),
    ).toBe(1);
  });

  it("on a SEV1 holds the update for a second person's approval before it can be published", async () => {
    const incident = await declare("SEV1");
    const update = await draft(app.api, incident.id, {
      status: "investigating",
      body: "Chat is unavailable for most customers.",
      publish: true,
    });
    expect(update.state).toBe("awaiting_approval");
    expect(await publicIncidentIds()).not.toContain(incident.id);

    const early = await secondComms.post(`/api/v1/updates/${update.id}/publish`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("conflict");

    const own = await app.api.post(`/api/v1/updates/${update.id}/approve`);
    expect(own.status).toBe(403);
    // Another token of the author is still the author.
    const ownByToken = await authorsComms.post(`/api/v1/updates/${update.id}/approve`);
    expect(ownByToken.status).toBe(403);
    expect(ownByToken.body.error.code).toBe("forbidden");

    const approved = await secondComms.post(`/api/v1/updates/${update.id}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.update.state).toBe("approved");
    expect(await publicIncidentIds()).not.toContain(incident.id);

    const published = await authorsComms.post(`/api/v1/updates/${update.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.update.state).toBe("published");
    expect(await publicIncidentIds()).toContain(incident.id);
    expect((await authorsComms.post(`/api/v1/updates/${update.id}/publish`)).status).toBe(409);

    const audits = await app.db.rows<{ action: string }>(`SELECT "action" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "at"`, update.id);
    expect(audits.map((a) => a.action)).toEqual(["update.drafted", "update.approved", "update.published"]);
  });

  it("lets a viewer draft nothing, and a responder draft and approve but not publish", async () => {
    const incident = await declare("SEV1");
    const before = await app.db.count("StatusUpdate");
    const refused = await viewer.post(`/api/v1/incidents/${incident.id}/updates`, { status: "investigating", body: "Viewer words." });
    expect(refused.status).toBe(403);
    expect(await app.db.count("StatusUpdate")).toBe(before);

    expect((await draft(responder, incident.id, { status: "investigating", body: "A responder's draft." })).state).toBe("draft");
    const othersUpdate = await draft(secondComms, incident.id, {
      status: "investigating",
      body: "Written by the second person.",
      publish: true,
    });
    expect(othersUpdate.state).toBe("awaiting_approval");
    const approved = await responder.post(`/api/v1/updates/${othersUpdate.id}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.update.state).toBe("approved");
    const publish = await responder.post(`/api/v1/updates/${othersUpdate.id}/publish`);
    expect(publish.status).toBe(403);
    expect(await publicIncidentIds()).not.toContain(incident.id);
    // On a SEV1, "publish" from a responder only sends the draft for approval (two-person rule):
    // nothing reaches the page until someone who may publish does.
    const sent = await responder.post(`/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      body: "Sent for approval.",
      publish: true,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.update.state).toBe("awaiting_approval");
    expect(await publicIncidentIds()).not.toContain(incident.id);
    // Where an update would go out at once (SEV3 has no second person), a responder may not publish.
    const minor = await declare("SEV3");
    const countBefore = await app.db.count("StatusUpdate");
    expect(
      (await responder.post(`/api/v1/incidents/${minor.id}/updates`, { status: "investigating", body: "x", publish: true })).status,
    ).toBe(403);
    expect(await app.db.count("StatusUpdate")).toBe(countBefore);
    expect(await publicIncidentIds()).not.toContain(minor.id);
  });

  it("returns a component to operational on resolve only when no other public incident still holds it", async () => {
    const shared = leaves[2];
    const history = () =>
      app.db.rows<{ status: string }>(`SELECT "status" FROM "ComponentStatusChange" WHERE "componentId" = ? ORDER BY "at"`, shared);
    const earlier = (await history()).length;
    const first = await declare("SEV2");
    const second = await declare("SEV3");
    await draft(authorsComms, first.id, {
      status: "identified",
      body: "Errors on one service.",
      publish: true,
      components: [{ id: shared, status: "partial_outage" }],
    });
    await draft(authorsComms, second.id, {
      status: "investigating",
      body: "Slowness on the same service.",
      publish: true,
      components: [{ id: shared, status: "degraded_performance" }],
    });
    expect(await publicStatusOf(shared)).toBe("partial_outage");

    const resolved = await draft(authorsComms, first.id, { status: "resolved", body: "This incident has been resolved.", publish: true });
    expect(resolved.state).toBe("published");
    expect(await publicStatusOf(shared)).toBe("degraded_performance");
    const firstPublic = (await publicJson("/api/v2/incidents.json")).incidents.find((i: { id: string }) => i.id === first.id);
    expect(firstPublic).toMatchObject({ status: "resolved", resolved_at: expect.any(String) });

    await draft(authorsComms, second.id, { status: "resolved", body: "This incident has been resolved.", publish: true });
    expect(await publicStatusOf(shared)).toBe("operational");
    expect((await history()).slice(earlier).map((s) => s.status)).toEqual(["partial_outage", "degraded_performance", "operational"]);
  });

  it("keeps the promise of the next update on the update and the incident", async () => {
    const incident = await declare("SEV3");
    const update = await draft(authorsComms, incident.id, {
      status: "investigating",
      body: "We are investigating.",
      nextUpdateInMinutes: 30,
      publish: true,
    });
    expect(update.state).toBe("published");
    expect(Date.parse(update.nextUpdateAt!) - Date.parse(update.publishedAt!)).toBe(30 * 60_000);
    const shown = (await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident;
    expect(shown.public).toMatchObject({ status: "investigating", nextUpdateDueAt: update.nextUpdateAt });
  });

  it("writes the timeline and the audit trail of a publish", async () => {
    const incident = await declare("SEV4");
    const update = await draft(authorsComms, incident.id, { status: "investigating", body: "A small delay in notifications." });
    await authorsComms.post(`/api/v1/updates/${update.id}/publish`);
    const entries = (await app.api.get(`/api/v1/incidents/${incident.id}/timeline`)).body.entries;
    const published = entries.filter((e: { kind: string }) => e.kind === "update-published");
    expect(published).toHaveLength(1);
    expect(published[0].body).toContain("A small delay in notifications.");
    const actions = await app.db.rows<{ action: string; actorId: string | null }>(
      `SELECT "action", "actorId" FROM "AuditEvent" WHERE "entityId" = ? ORDER BY "at"`,
      update.id,
    );
    expect(actions.map((a) => a.action)).toEqual(["update.drafted", "update.published"]);
    expect(actions.every((a) => typeof a.actorId === "string")).toBe(true);
  });
});
