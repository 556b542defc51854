// A token never does more than its owner may now (issue 13, item 1): a request acts with the lower
// of the token's role and its owner's current role, on the API, the pages, the downloads,
// /metrics, /collab and the event stream. The shape that got through: a demoted admin's token
// minted a new admin token and promoted its owner back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";
import { collaborate, type Collaborator } from "../setup/collab-client.ts";
import { openEventStream, type EventStreamClient } from "../setup/sse-client.ts";
import { changeRoleOnPage, formerAdminWithTokens, newPostmortem, signInAs, waitUntilClosed } from "./people.ts";

const METRICS_TOKEN = "metrics-scrape-token-acting-role-0001";

describe.each(databases())("the role a token acts with on %s", (database) => {
  let app: TestApp;
  let admin: string;
  let incidentId: string;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    app = await startApp({ database, env: { METRICS_TOKEN } });
    admin = await signInAs(app, "admin@northwind.example");
    incidentId = (await app.api.post("/api/v1/incidents", { title: "Acting role checks", severity: "SEV3" })).body.incident.id;
  });
  afterAll(async () => {
    for (const o of open) o.close();
    await app?.stop();
  });

  const page = (path: string, token: string, fields?: Record<string, string>) =>
    fetch(app.baseUrl + path, {
      method: fields ? "POST" : "GET",
      headers: { authorization: `Bearer ${token}` },
      body: fields ? new URLSearchParams(fields) : undefined,
      redirect: "manual",
    });

  it("a demoted admin's token can neither mint an admin token nor promote its owner back", async () => {
    const { person, tokens } = await formerAdminWithTokens(app, admin, "viewer", ["admin"]);
    const stolen = tokens.admin;
    const tokensBefore = await app.db.count("ApiToken");

    expect((await stolen.post("/api/v1/tokens", { name: "the way back", role: "admin" })).status).toBe(403);
    expect((await stolen.patch(`/api/v1/users/${person.id}`, { role: "admin" })).status).toBe(403);
    expect((await page("/admin/users", stolen.token, { intent: "change-role", userId: person.id, role: "admin" })).status).toBe(403);
    expect((await page("/admin/tokens", stolen.token, { intent: "create", name: "the way back", role: "admin" })).status).toBe(403);

    expect(await app.db.count("ApiToken")).toBe(tokensBefore);
    const [row] = await app.db.rows<{ role: string }>(`SELECT "role" FROM "User" WHERE "id" = ?`, person.id);
    expect(row.role).toBe("viewer");
    // what a viewer may do, the token still does
    expect((await stolen.get("/api/v1/incidents")).status).toBe(200);
    // and the admin's list of tokens says so
    const listed = await (await fetch(`${app.baseUrl}/admin/tokens`, { headers: { cookie: admin } })).text();
    const tokenRow = listed.split("<tr").find((r) => r.includes(`admin token of ${person.email}`))!;
    expect(tokenRow.replace(/<[^>]+>/g, "")).toContain("acts as Viewer: its owner is Viewer");
  });

  it("a comms user's responder token acts as neither more than comms nor more than responder", async () => {
    const { tokens } = await formerAdminWithTokens(app, admin, "comms", ["responder"]);
    const token = tokens.responder;
    const entries = await app.db.count("TimelineEntry");
    // responder only
    expect(
      (await token.post(`/api/v1/incidents/${incidentId}/timeline`, { body: "written with a responder token of a comms user" })).status,
    ).toBe(403);
    expect((await token.patch(`/api/v1/incidents/${incidentId}`, { status: "identified" })).status).toBe(403);
    expect((await token.post("/api/v1/incidents", { title: "Declared by a comms user's token", severity: "SEV4" })).status).toBe(403);
    // comms only
    expect((await token.get("/api/v1/subscribers")).status).toBe(403);
    // both roles draft updates, but no named role below both does: it acts as a viewer (decision 0028)
    expect((await token.post(`/api/v1/incidents/${incidentId}/updates`, { status: "investigating", body: "A draft." })).status).toBe(403);
    expect(await app.db.count("TimelineEntry")).toBe(entries);
    expect((await token.get(`/api/v1/incidents/${incidentId}/timeline`)).status).toBe(200);
  });

  it("a viewer's admin token is a viewer's on pages and downloads", async () => {
    const { tokens } = await formerAdminWithTokens(app, admin, "viewer", ["admin"]);
    const { token } = tokens.admin;
    for (const path of [
      "/admin/users",
      "/admin/tokens",
      "/admin/audit",
      "/admin/audit.csv",
      "/admin/audit.jsonl",
      "/admin/subscribers.csv",
      "/incidents/new",
    ]) {
      expect((await page(path, token)).status, path).toBe(403);
    }
    for (const path of ["/incidents", "/insights.csv", `/incidents/${incidentId}`])
      expect((await page(path, token)).status, path).toBe(200);
    expect((await page("/incidents/new", token, { title: "Declared by a viewer's admin token", severity: "SEV4" })).status).toBe(403);
  });

  it("a viewer's admin token reads no metrics: refused exactly as a wrong token is", async () => {
    const { tokens } = await formerAdminWithTokens(app, admin, "viewer", ["admin"]);
    const scrape = (token: string) => fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const [demoted, wrong] = [await scrape(tokens.admin.token), await scrape("idk_not-a-token-of-this-installation")];
    expect(demoted.status).toBe(401);
    expect(await demoted.text()).toBe(await wrong.text());
    expect((await scrape(app.adminToken)).status).toBe(200);
  });

  it("on /collab a token edits only if its owner may: a viewer's admin token and a comms user's responder token read only", async () => {
    const postmortemId = await newPostmortem(app);
    const viewers = await formerAdminWithTokens(app, admin, "viewer", ["admin"]);
    const comms = await formerAdminWithTokens(app, admin, "comms", ["responder"]);
    const responders = await formerAdminWithTokens(app, admin, "responder", ["admin"]);
    const join = (token: string): Collaborator => {
      const c = collaborate(app.baseUrl, postmortemId, null, token);
      open.push({ close: () => c.destroy() });
      return c;
    };
    expect(await join(viewers.tokens.admin.token).scope).toBe("readonly");
    expect(await join(comms.tokens.responder.token).scope).toBe("readonly");
    expect(await join(responders.tokens.admin.token).scope).toBe("read-write");
  });

  it("an event stream opened with a token closes when its owner is demoted, and opens again with what the owner may now", async () => {
    const { person, tokens } = await formerAdminWithTokens(app, admin, "admin", ["admin"]);
    const url = `${app.baseUrl}/api/v1/incidents/${incidentId}/events`;
    const stream: EventStreamClient = await openEventStream(url, { token: tokens.admin.token });
    open.push(stream);
    await changeRoleOnPage(app, admin, person, "viewer");
    await waitUntilClosed(stream, 10_000);
    const again = await openEventStream(url, { token: tokens.admin.token });
    open.push(again);
    expect(again.closed).toBe(false);
    // and the API agrees that it is a viewer's now
    expect((await api(app.baseUrl, tokens.admin.token).post("/api/v1/tokens", { name: "no", role: "viewer" })).status).toBe(403);
  });
});
