// API bodies are JSON (decision 0030), whoever sends them: a body of another type is refused with 415 on every
// write of the API, with a cookie or a token, and nothing is stored; JSON with a charset and writes with no body
// at all are taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

describe.each(databases())("API bodies are JSON on %s", (database) => {
  let app: TestApp;
  let responder: string;
  beforeAll(async () => {
    app = await startApp({ database });
    responder = await cookieOf(app, "responder@northwind.example");
  });
  afterAll(() => app?.stop());

  const declare = (title: string, headers: Record<string, string>) =>
    // Bytes, so that fetch adds no Content-Type of its own.
    fetch(`${app.baseUrl}/api/v1/incidents`, {
      method: "POST",
      headers,
      body: new TextEncoder().encode(JSON.stringify({ title, severity: "SEV4" })),
    });

  it("refuses a body that is not application/json with 415, with a cookie or a token, and stores nothing", async () => {
    const senders = { cookie: { cookie: responder, origin: app.baseUrl }, token: { authorization: `Bearer ${app.adminToken}` } };
    for (const [who, credentials] of Object.entries(senders)) {
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
        "application/jsonp",
        "text/json",
      ]) {
        const title = `Not JSON ${who} ${type || "none"}`;
        const headers: Record<string, string> = { ...credentials };
        if (type) headers["content-type"] = type;
        const response = await declare(title, headers);
        expect(response.status, `${who} ${type}`).toBe(415);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.message).toContain("application/json");
        expect(await app.db.count("Incident", `"title" = ?`, title)).toBe(0);
      }
    }
  });

  it("refuses it on every write of the API (PATCH, PUT), and takes JSON with a charset", async () => {
    const incident = (await app.api.post("/api/v1/incidents", { title: "Typed bodies", severity: "SEV3" })).body.incident;
    const patch = await fetch(`${app.baseUrl}/api/v1/incidents/${incident.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "text/plain" },
      body: JSON.stringify({ title: "Retitled as text" }),
    });
    expect(patch.status).toBe(415);
    const put = await fetch(`${app.baseUrl}/api/v1/templates/update.investigating`, {
      method: "PUT",
      headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/x-www-form-urlencoded" },
      body: "source=x",
    });
    expect(put.status).toBe(415);
    expect((await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident.title).toBe("Typed bodies");
    const ok = await declare("JSON with a charset", {
      authorization: `Bearer ${app.adminToken}`,
      "content-type": "application/json; charset=utf-8",
    });
    expect(ok.status).toBe(201);
  });

  it("still takes a write with no body at all (approve, publish) whatever it names as its type", async () => {
    const created = await app.api.post("/api/v1/incidents", { title: "Bodiless writes", severity: "SEV3" });
    const update = await app.api.post(`/api/v1/incidents/${created.body.incident.id}/updates`, { status: "investigating" });
    expect(update.status, JSON.stringify(update.body)).toBe(201);
    const publish = await fetch(`${app.baseUrl}/api/v1/updates/${update.body.update.id}/publish`, {
      method: "POST",
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(publish.status, await publish.clone().text()).toBe(200);
  });
});
