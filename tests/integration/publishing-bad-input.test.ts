// Bad input on the comms path: a broken template, components that do not exist or cannot
// take the status, oversized or mistyped bodies. Each is a clear 4xx naming the problem,
// and nothing is published or stored: the database and the public JSON are as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type ApiResponse, type TestApp } from "../setup/app-server.ts";

const ONE_MB = 1024 * 1024;
const PUBLIC_PATHS = ["/api/v2/summary.json", "/api/v2/incidents.json", "/api/v2/components.json"];
const WRITTEN_TABLES = [
  "StatusUpdate",
  "StatusUpdateComponent",
  "ComponentStatusChange",
  "AuditEvent",
  "Template",
  "TimelineEntry",
  "IncidentEvent",
];

type Case = { name: string; body: unknown; status: number; field: string };

describe.each(databases())("bad input to publishing on %s", (database) => {
  let app: TestApp;
  let updatesPath: string;
  let leaf: string;
  let group: string;
  let sizesBefore: Record<string, number>;
  let publicBefore: Record<string, string>;

  const sizes = async () => Object.fromEntries(await Promise.all(WRITTEN_TABLES.map(async (t) => [t, await app.db.count(t)])));
  const publicNow = async () =>
    Object.fromEntries(await Promise.all(PUBLIC_PATHS.map(async (p) => [p, await (await fetch(app.baseUrl + p)).text()])));
  const putTemplate = (source: unknown) => app.api.raw("PUT", "/api/v1/templates/update.investigating", JSON.stringify({ source }));

  function expectRefused(response: ApiResponse, status: number, field?: string) {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.error).toEqual({ code: expect.any(String), message: expect.any(String), fields: expect.any(Object) });
    if (field) expect(Object.keys(response.body.error.fields)).toContain(field);
  }

  beforeAll(async () => {
    app = await startApp({ database });
    // A SEV4: a valid body would be published at once, so a refusal is the only thing in the way.
    const declared = await app.api.post("/api/v1/incidents", { title: "Bad input to publishing", severity: "SEV4" });
    updatesPath = `/api/v1/incidents/${declared.body.incident.id}/updates`;
    const { components } = (await app.api.get("/api/v1/components")).body;
    leaf = components.find((c: { group: boolean }) => !c.group).id;
    group = components.find((c: { group: boolean }) => c.group).id;
    sizesBefore = await sizes();
    publicBefore = await publicNow();
  });
  afterAll(() => app?.stop());

  it("refuses a template with a syntax error with 422 and liquid's reason", async () => {
    const response = await putTemplate("We are investigating {% if incident.title %}the issue.");
    expectRefused(response, 422, "source");
    expect(response.body.error.message).toMatch(/does not parse/i);
    expect(response.body.error.message).toMatch(/if/);
  });

  it("refuses a template naming a variable the incident does not have with 422", async () => {
    const response = await putTemplate("We are investigating {{ no_such_variable }}.");
    expectRefused(response, 422, "source");
    expect(response.body.error.message).toMatch(/no_such_variable/);
  });

  it("keeps drafting from the shipped template after a refused one", async () => {
    const templates = (await app.api.get("/api/v1/templates")).body.templates;
    expect(templates.find((t: { key: string }) => t.key === "update.investigating")).toMatchObject({ isDefault: true });
  });

  const cases = (): Case[] => [
    {
      name: "an unknown component id",
      body: { status: "investigating", body: "x", components: [{ id: "nosuchthing0", status: "major_outage" }] },
      status: 422,
      field: "components.0.id",
    },
    {
      name: "a group instead of a component",
      body: { status: "investigating", body: "x", components: [{ id: group, status: "major_outage" }] },
      status: 422,
      field: "components.0.id",
    },
    {
      name: "a status no component can take",
      body: { status: "investigating", body: "x", components: [{ id: leaf, status: "on_fire" }] },
      status: 422,
      field: "components.0.status",
    },
    {
      name: "the same component twice",
      body: {
        status: "investigating",
        body: "x",
        components: [
          { id: leaf, status: "major_outage" },
          { id: leaf, status: "partial_outage" },
        ],
      },
      status: 422,
      field: "components",
    },
    { name: "an update status that does not exist", body: { status: "fixed", body: "x" }, status: 422, field: "status" },
    { name: "status a number", body: { status: 3, body: "x" }, status: 422, field: "status" },
    { name: "body a number", body: { status: "investigating", body: 42 }, status: 422, field: "body" },
    { name: "a blank body", body: { status: "investigating", body: "   " }, status: 422, field: "body" },
    { name: "components a string", body: { status: "investigating", body: "x", components: "api" }, status: 422, field: "components" },
    { name: "notify a string", body: { status: "investigating", body: "x", notify: "yes" }, status: 422, field: "notify" },
    { name: "publish a string", body: { status: "investigating", body: "x", publish: "true" }, status: 422, field: "publish" },
    {
      name: "nextUpdateInMinutes a word",
      body: { status: "investigating", body: "x", nextUpdateInMinutes: "soon" },
      status: 422,
      field: "nextUpdateInMinutes",
    },
    {
      name: "nextUpdateInMinutes a fraction",
      body: { status: "investigating", body: "x", nextUpdateInMinutes: 7.5 },
      status: 422,
      field: "nextUpdateInMinutes",
    },
    { name: "an unknown field", body: { status: "investigating", body: "x", tweet: "hello" }, status: 422, field: "_" },
    { name: "an array", body: [{ status: "investigating" }], status: 422, field: "_" },
  ];

  it("answers each bad update with a 4xx in the error shape, naming the field", async () => {
    const wrong: string[] = [];
    for (const c of cases()) {
      // Every valid-looking body asks to publish at once: a refusal is all that stops it.
      const payload = Array.isArray(c.body) ? c.body : { publish: true, ...(c.body as object) };
      const sent = await app.api.raw("POST", updatesPath, JSON.stringify(payload));
      const fields = sent.body?.error?.fields ?? {};
      if (sent.status !== c.status || !(c.field in fields))
        wrong.push(`${c.name}: ${sent.status} ${JSON.stringify(sent.body).slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses malformed JSON with 400", async () => {
    expectRefused(await app.api.raw("POST", updatesPath, '{"status": "investigating", "body": '), 400);
  });

  it("refuses a 1 MB body with 413, and the connection stays usable", async () => {
    const huge = JSON.stringify({ status: "investigating", body: "x".repeat(ONE_MB), publish: true });
    const response = await app.api.raw("POST", updatesPath, huge);
    expectRefused(response, 413);
    expect(response.body.error.code).toBe("payload_too_large");
    expectRefused(await app.api.raw("PUT", "/api/v1/templates/update.investigating", JSON.stringify({ source: "y".repeat(ONE_MB) })), 413);
    expect((await app.api.get("/healthz")).status).toBe(200);
  });

  it("answers 404 for updates of an incident or an update that does not exist", async () => {
    expectRefused(await app.api.post("/api/v1/incidents/INC-999999/updates", { status: "investigating", body: "x", publish: true }), 404);
    expectRefused(await app.api.post("/api/v1/updates/nosuchupdate/publish"), 404);
    expectRefused(await app.api.post("/api/v1/updates/nosuchupdate/approve"), 404);
  });

  it("published and stored none of it", async () => {
    expect(await sizes()).toEqual(sizesBefore);
    expect(await publicNow()).toEqual(publicBefore);
    expect((await app.api.get(updatesPath)).body.updates).toEqual([]);
  });
});
