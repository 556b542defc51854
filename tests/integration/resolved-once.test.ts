// Customers are told "resolved" once: after a published Resolved update the comms tab offers no
// second one, and the API and the comms forms refuse it (422 naming status) however it comes:
// a new update, a draft edited to Resolved, a Resolved draft written earlier and published late.
// Reopening the incident allows Resolved again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type ApiResponse, type TestApp } from "../setup/app-server.ts";
import { signInAs } from "./people.ts";

function expectResolvedRefused(response: ApiResponse) {
  expect(response.status, JSON.stringify(response.body)).toBe(422);
  expect(response.body.error.fields.status).toMatch(/already published as resolved/);
  expect(response.body.error.message).toMatch(/reopen/i);
}

describe.each(databases())("a second Resolved update on %s", (database) => {
  let app: TestApp;
  let cookie: string;

  const declare = async (title: string) => {
    const declared = await app.api.post("/api/v1/incidents", { title, severity: "SEV3" });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    return declared.body.incident.id as string;
  };
  const publishResolved = async (id: string) => {
    const published = await app.api.post(`/api/v1/incidents/${id}/updates`, {
      status: "resolved",
      body: "Resolved for good.",
      publish: true,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.update.state).toBe("published");
  };
  const postComms = (id: string, fields: Record<string, string>) =>
    fetch(`${app.baseUrl}/incidents/${id}/comms`, {
      method: "POST",
      headers: { cookie, origin: app.baseUrl },
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
  const composerStatuses = async (id: string) => {
    const html = await (await fetch(`${app.baseUrl}/incidents/${id}/comms`, { headers: { cookie } })).text();
    const select = html.match(/<select[^>]*name="status"[^>]*>([\s\S]*?)<\/select>/);
    return { html, statuses: select ? [...select[1].matchAll(/value="([^"]+)"/g)].map((m) => m[1]) : [] };
  };

  beforeAll(async () => {
    app = await startApp({ database });
    cookie = await signInAs(app, "comms@northwind.example");
  });
  afterAll(() => app?.stop());

  it("refuses a second Resolved update on the API, drafted or published, with 422 naming status", async () => {
    const id = await declare("Resolved twice on the API");
    await publishResolved(id);
    expectResolvedRefused(await app.api.post(`/api/v1/incidents/${id}/updates`, { status: "resolved", body: "Again.", publish: true }));
    expectResolvedRefused(await app.api.post(`/api/v1/incidents/${id}/updates`, { status: "resolved", body: "A draft of it." }));
    expectResolvedRefused(await app.api.post(`/api/v1/incidents/${id}/updates`, { status: "resolved" }));
    const published = (await app.api.get(`/api/v1/incidents/${id}/updates`)).body.updates.filter(
      (u: { state: string }) => u.state === "published",
    );
    expect(published).toHaveLength(1);
  });

  it("refuses publishing a Resolved draft written before the resolution went out, and editing a draft to Resolved", async () => {
    const id = await declare("Two Resolved drafts");
    const early = await app.api.post(`/api/v1/incidents/${id}/updates`, { status: "resolved", body: "Written early." });
    const other = await app.api.post(`/api/v1/incidents/${id}/updates`, { status: "monitoring", body: "Watching." });
    expect([early.status, other.status]).toEqual([201, 201]);
    await publishResolved(id);
    expectResolvedRefused(await app.api.post(`/api/v1/updates/${early.body.update.id}/publish`));
    expectResolvedRefused(await app.api.patch(`/api/v1/updates/${other.body.update.id}`, { status: "resolved" }));
    expect((await app.api.get(`/api/v1/updates/${early.body.update.id}`)).body.update.state).toBe("draft");
  });

  it("the comms tab offers no Resolved after one is published, and its forms refuse it with 422 naming status", async () => {
    const id = await declare("Resolved twice in the comms tab");
    expect((await composerStatuses(id)).statuses).toContain("resolved");
    await publishResolved(id);
    const after = await composerStatuses(id);
    expect(after.statuses).not.toContain("resolved");
    expect(after.html).toMatch(/already told this incident is resolved/);
    for (const intent of ["publish-new", "draft"]) {
      const response = await postComms(id, { intent, status: "resolved", body: "Resolved again.", nextUpdateInMinutes: "" });
      expect(response.status, intent).toBe(422);
      const text = await response.text();
      expect(text).toMatch(/already published as resolved/);
    }
  });

  it("allows Resolved again once the incident is reopened", async () => {
    const id = await declare("Resolved, reopened, resolved");
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "resolved" })).status).toBe(200);
    await publishResolved(id);
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "investigating" })).status).toBe(200);
    expect((await composerStatuses(id)).statuses).toContain("resolved");
    expect((await app.api.patch(`/api/v1/incidents/${id}`, { status: "resolved" })).status).toBe(200);
    await publishResolved(id);
    expectResolvedRefused(await app.api.post(`/api/v1/incidents/${id}/updates`, { status: "resolved", body: "Third time." }));
  });
});
