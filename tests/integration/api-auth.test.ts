import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type Api, type ApiResponse, type TestApp } from "../setup/app-server.ts";

function expectApiError(response: ApiResponse, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toEqual({ error: { code, message: expect.any(String), fields: expect.any(Object) } });
}

describe.each(databases())("API tokens and roles on %s", (database) => {
  let app: TestApp;
  let viewer: Api;
  let responder: Api;
  let responderTokenId: string;
  let incidentId: string;
  let entryId: string;
  let componentId: string;

  async function tokenFor(role: string): Promise<[Api, string]> {
    const created = await app.api.post("/api/v1/tokens", { name: `${role} automation`, role });
    expect(created.status).toBe(201);
    return [api(app.baseUrl, created.body.token), created.body.id];
  }

  beforeAll(async () => {
    app = await startApp({ database });
    [viewer] = await tokenFor("viewer");
    [responder, responderTokenId] = await tokenFor("responder");
    const declared = await app.api.post("/api/v1/incidents", { title: "Checkout latency", severity: "SEV3" });
    incidentId = declared.body.incident.id;
    const entry = await app.api.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "first look" });
    entryId = entry.body.entry.id;
    componentId = (await app.api.get("/api/v1/components")).body.components.find((c: { group: boolean }) => !c.group).id;
  });
  afterAll(() => app?.stop());

  it("answers 401 in the error shape without a token", async () => {
    const anonymous = api(app.baseUrl, null);
    for (const path of ["/api/v1/incidents", "/api/v1/components", `/api/v1/incidents/${incidentId}/timeline`]) {
      expectApiError(await anonymous.get(path), 401, "unauthorized");
    }
    expectApiError(await anonymous.post("/api/v1/incidents", { title: "No one", severity: "SEV4" }), 401, "unauthorized");
  });

  it("answers 401 to an unknown token and to a malformed Authorization header", async () => {
    expectApiError(await api(app.baseUrl, "idk_not-a-real-token-at-all").get("/api/v1/incidents"), 401, "unauthorized");
    expectApiError(await api(app.baseUrl, null).get("/api/v1/incidents", { authorization: "Basic YWRtaW46eA==" }), 401, "unauthorized");
  });

  it("lets an admin create a token, shown once, that works at once", async () => {
    const created = await app.api.post("/api/v1/tokens", { name: "pager bridge", role: "responder" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ token: expect.any(String), id: expect.any(String), role: "responder" });
    expect(created.body.token.length).toBeGreaterThanOrEqual(24);
    expect((await api(app.baseUrl, created.body.token).get("/api/v1/incidents")).status).toBe(200);
    const [stored] = await app.db.rows<{ tokenHash: string }>(`SELECT "tokenHash" FROM "ApiToken" WHERE "id" = ?`, created.body.id);
    expect(stored.tokenHash).not.toContain(created.body.token);
  });

  it("lets a viewer read incidents, components and the timeline", async () => {
    expect((await viewer.get("/api/v1/incidents")).status).toBe(200);
    expect((await viewer.get(`/api/v1/incidents/${incidentId}`)).status).toBe(200);
    expect((await viewer.get("/api/v1/components")).status).toBe(200);
    const timeline = await viewer.get(`/api/v1/incidents/${incidentId}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.entries.map((e: { id: string }) => e.id)).toContain(entryId);
  });

  it("answers 403 to every write by a viewer, and stores nothing", async () => {
    const before = await app.db.count("TimelineEntry");
    const writes: [string, () => Promise<ApiResponse>][] = [
      ["declare", () => viewer.post("/api/v1/incidents", { title: "Viewer incident", severity: "SEV4" })],
      ["patch incident", () => viewer.patch(`/api/v1/incidents/${incidentId}`, { status: "identified" })],
      ["post entry", () => viewer.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "viewer note" })],
      ["edit entry", () => viewer.patch(`/api/v1/incidents/${incidentId}/timeline/${entryId}`, { body: "edited" })],
      ["delete entry", () => viewer.delete(`/api/v1/incidents/${incidentId}/timeline/${entryId}`)],
      ["create component", () => viewer.post("/api/v1/components", { name: "Viewer component" })],
      ["edit component", () => viewer.patch(`/api/v1/components/${componentId}`, { name: "Renamed" })],
      ["create token", () => viewer.post("/api/v1/tokens", { name: "escalate", role: "admin" })],
    ];
    for (const [what, write] of writes) {
      const response = await write();
      expect(response.status, what).toBe(403);
      expectApiError(response, 403, "forbidden");
    }
    expect(await app.db.count("TimelineEntry")).toBe(before);
    expect((await app.api.get(`/api/v1/incidents/${incidentId}`)).body.incident.status).toBe("investigating");
  });

  it("lets a responder declare and write the timeline, but not create tokens or components", async () => {
    const declared = await responder.post("/api/v1/incidents", { title: "Queue backlog", severity: "SEV2" });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id;
    const entry = await responder.post(`/api/v1/incidents/${id}/timeline`, { body: "Scaling consumers." });
    expect(entry.status).toBe(201);
    expect((await responder.patch(`/api/v1/incidents/${id}/timeline/${entry.body.entry.id}`, { pinned: true })).status).toBe(200);
    expect((await responder.patch(`/api/v1/incidents/${id}`, { status: "identified" })).status).toBe(200);
    expectApiError(await responder.post("/api/v1/tokens", { name: "mine", role: "responder" }), 403, "forbidden");
    expectApiError(await responder.post("/api/v1/components", { name: "Responder component" }), 403, "forbidden");
  });

  it("acts as the user who created the token", async () => {
    const entry = await responder.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "who wrote this?" });
    const [creator] = await app.db.rows<{ id: string; name: string; role: string }>(
      `SELECT u."id", u."name", u."role" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."id" = ?`,
      responderTokenId,
    );
    expect(creator.role).toBe("admin");
    expect(entry.body.entry.author).toEqual({ id: creator.id, name: creator.name });
  });
});
