// Bad input on every write endpoint gets a 4xx in the one error shape, never a 5xx, and
// leaves no trace in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableSizes } from "../setup/database-probe.ts";
import { databases, startApp, type ApiResponse, type TestApp } from "../setup/app-server.ts";

type Case = { name: string; method: string; path: string; body: string | null; status: number[]; field?: string };

const ONE_MB = 1024 * 1024;

/** A document nested `depth` blockquotes deep, written out by hand so the test itself needs no deep recursion. */
function deepDocument(depth: number): string {
  const inner = '{"type":"paragraph","content":[{"type":"text","text":"deep"}]}';
  return `{"body":{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}${inner}${"]}".repeat(depth)}]}}`;
}

describe.each(databases())("bad input on %s", (database) => {
  let app: TestApp;
  let incident: string;
  let entry: string;
  let component: string;
  let group: string;
  let otherIncidentEntry: string;
  let sizesBefore: Record<string, number>;
  let tokensBefore: number;
  let counterBefore: unknown;

  beforeAll(async () => {
    app = await startApp({ database });
    const declared = await app.api.post("/api/v1/incidents", { title: "Bad input target", severity: "SEV4" });
    incident = `/api/v1/incidents/${declared.body.incident.id}`;
    entry = `${incident}/timeline/${(await app.api.post(`${incident}/timeline`, { body: "a real entry" })).body.entry.id}`;
    const other = (await app.api.post("/api/v1/incidents", { title: "Another incident", severity: "SEV4" })).body.incident.id;
    otherIncidentEntry = (await app.api.post(`/api/v1/incidents/${other}/timeline`, { body: "not yours" })).body.entry.id;
    const { components } = (await app.api.get("/api/v1/components")).body;
    component = components.find((c: { group: boolean }) => !c.group).id;
    group = components.find((c: { group: boolean }) => c.group).id;
    sizesBefore = await tableSizes(app.db);
    tokensBefore = await app.db.count("ApiToken");
    [{ incidentCounter: counterBefore }] = await app.db.rows(`SELECT "incidentCounter" FROM "Organization"`);
  });
  afterAll(() => app?.stop());

  const writeEndpoints = () => [
    { name: "declare", method: "POST", path: "/api/v1/incidents" },
    { name: "update incident", method: "PATCH", path: incident },
    { name: "add entry", method: "POST", path: `${incident}/timeline` },
    { name: "edit entry", method: "PATCH", path: entry },
    { name: "create component", method: "POST", path: "/api/v1/components" },
    { name: "edit component", method: "PATCH", path: `/api/v1/components/${component}` },
    { name: "create token", method: "POST", path: "/api/v1/tokens" },
  ];

  const json = (value: unknown) => JSON.stringify(value);
  const invalid = (name: string, method: string, path: string, body: unknown, field: string): Case => ({ name, method, path, body: json(body), status: [422], field });

  function cases(): Case[] {
    const endpoints = writeEndpoints();
    const declare = (body: object) => json({ title: "Valid title", severity: "SEV3", ...body });
    return [
      ...endpoints.flatMap((e) => [
        { ...e, name: `${e.name}: malformed JSON`, body: '{"title": "unterminated', status: [400] },
        { ...e, name: `${e.name}: JSON that is not an object`, body: "[1,2]", status: [422] },
        { ...e, name: `${e.name}: null`, body: "null", status: [422] },
      ]),
      // wrong types
      invalid("declare: title a number", "POST", "/api/v1/incidents", { title: 42, severity: "SEV2" }, "title"),
      invalid("declare: components a string", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV2", components: "api" }, "components"),
      invalid("update: title an array", "PATCH", incident, { title: ["a"] }, "title"),
      invalid("update: commanderId a number", "PATCH", incident, { commanderId: 7 }, "commanderId"),
      invalid("update: mitigatedAt not a time", "PATCH", incident, { mitigatedAt: "after lunch" }, "mitigatedAt"),
      invalid("update: unknown field", "PATCH", incident, { priority: "high" }, "_"),
      invalid("add entry: body a number", "POST", `${incident}/timeline`, { body: 42 }, "body"),
      invalid("add entry: pinned a string", "POST", `${incident}/timeline`, { body: "x", pinned: "yes" }, "pinned"),
      invalid("add entry: occurredAt not a time", "POST", `${incident}/timeline`, { body: "x", occurredAt: "soon" }, "occurredAt"),
      invalid("add entry: blank body", "POST", `${incident}/timeline`, { body: "   " }, "body"),
      invalid("edit entry: pinned a number", "PATCH", entry, { pinned: 1 }, "pinned"),
      invalid("create component: name a number", "POST", "/api/v1/components", { name: 7 }, "name"),
      invalid("create component: group a string", "POST", "/api/v1/components", { name: "Edge", group: "yes" }, "group"),
      invalid("edit component: position a string", "PATCH", `/api/v1/components/${component}`, { position: "first" }, "position"),
      invalid("create token: name a number", "POST", "/api/v1/tokens", { name: 1, role: "viewer" }, "name"),
      // unknown enum values
      invalid("declare: severity SEV9", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV9" }, "severity"),
      invalid("declare: impact melted", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV1", components: [{ id: component, impact: "melted" }] }, "components.0.impact"),
      invalid("update: status done", "PATCH", incident, { status: "done" }, "status"),
      invalid("update: severity SEV9", "PATCH", incident, { severity: "SEV9" }, "severity"),
      invalid("add entry: kind bogus", "POST", `${incident}/timeline`, { body: "x", kind: "bogus" }, "kind"),
      invalid("add entry: kind status-change (not writable)", "POST", `${incident}/timeline`, { body: "x", kind: "status-change" }, "kind"),
      invalid("edit entry: kind bogus", "PATCH", entry, { kind: "bogus" }, "kind"),
      invalid("create token: role root", "POST", "/api/v1/tokens", { name: "x", role: "root" }, "role"),
      // unknown ids
      { name: "update: no such incident", method: "PATCH", path: "/api/v1/incidents/nosuchincid", body: json({ status: "resolved" }), status: [404] },
      { name: "add entry: no such incident", method: "POST", path: "/api/v1/incidents/INC-99999/timeline", body: json({ body: "x" }), status: [404] },
      { name: "edit entry: no such entry", method: "PATCH", path: `${incident}/timeline/nosuchentry`, body: json({ body: "x" }), status: [404] },
      { name: "delete entry: no such entry", method: "DELETE", path: `${incident}/timeline/nosuchentry`, body: null, status: [404] },
      { name: "edit entry: another incident's entry", method: "PATCH", path: `${incident}/timeline/${otherIncidentEntry}`, body: json({ body: "x" }), status: [404] },
      { name: "delete entry: another incident's entry", method: "DELETE", path: `${incident}/timeline/${otherIncidentEntry}`, body: null, status: [404] },
      { name: "edit component: no such component", method: "PATCH", path: "/api/v1/components/nosuchcomp", body: json({ name: "x" }), status: [404] },
      invalid("declare: no such component", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV1", components: [{ id: "nosuchcomp", impact: "major_outage" }] }, "components.0.id"),
      invalid("declare: a group as a component", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV1", components: [{ id: group, impact: "major_outage" }] }, "components.0.id"),
      invalid("declare: no such region", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV1", regions: ["mars-north"] }, "regions.0"),
      invalid("declare: no such commander", "POST", "/api/v1/incidents", { title: "Valid title", severity: "SEV1", commanderId: "nosuchuser" }, "commanderId"),
      invalid("update: no such commander", "PATCH", incident, { commanderId: "nosuchuser" }, "commanderId"),
      invalid("update: resolve with no such commander (all or nothing)", "PATCH", incident, { status: "resolved", commanderId: "nosuchuser" }, "commanderId"),
      invalid("update: no such component", "PATCH", incident, { components: [{ id: "nosuchcomp", impact: "partial_outage" }] }, "components.0.id"),
      invalid("create component: no such group", "POST", "/api/v1/components", { name: "Orphan", groupId: "nosuchgroup" }, "groupId"),
      // text a database cannot store
      invalid("declare: NUL in the title", "POST", "/api/v1/incidents", { title: "nul \u0000 title", severity: "SEV2" }, "title"),
      invalid("add entry: NUL in the body", "POST", `${incident}/timeline`, { body: "nul \u0000 body" }, "body"),
      invalid("add entry: unpaired surrogate", "POST", `${incident}/timeline`, { body: "half \ud800 a pair" }, "body"),
      invalid("create component: NUL in the name", "POST", "/api/v1/components", { name: "c\u0000" }, "name"),
      invalid("create token: NUL in the name", "POST", "/api/v1/tokens", { name: "t\u0000", role: "viewer" }, "name"),
      invalid("update: NUL as commander id", "PATCH", incident, { commanderId: "\u0000" }, "commanderId"),
      // times no database can hold
      { name: "declare: startedAt in year 99999", method: "POST", path: "/api/v1/incidents", body: declare({ startedAt: "+099999-01-01T00:00:00Z" }), status: [422], field: "startedAt" },
      { name: "declare: startedAt the earliest JS date", method: "POST", path: "/api/v1/incidents", body: declare({ startedAt: -8.64e15 }), status: [422], field: "startedAt" },
      invalid("update: detectedAt year -1", "PATCH", incident, { detectedAt: "-000001-01-01T00:00:00Z" }, "detectedAt"),
      invalid("add entry: occurredAt the earliest JS date", "POST", `${incident}/timeline`, { body: "x", occurredAt: -8.64e15 }, "occurredAt"),
      // documents nested beyond anything a person writes
      { name: "add entry: document 200 deep", method: "POST", path: `${incident}/timeline`, body: deepDocument(200), status: [422], field: "body" },
      { name: "add entry: document 5000 deep", method: "POST", path: `${incident}/timeline`, body: deepDocument(5000), status: [422], field: "body" },
    ];
  }

  async function send(c: Case): Promise<ApiResponse> {
    return app.api.raw(c.method, c.path, c.body);
  }

  it("answers each bad request with the expected 4xx and the error shape, naming the field", async () => {
    const wrong: string[] = [];
    for (const c of cases()) {
      const response = await send(c);
      const shaped = response.body?.error && typeof response.body.error.code === "string" && typeof response.body.error.message === "string";
      const field = c.field === undefined || (response.body?.error?.fields && c.field in response.body.error.fields);
      if (!c.status.includes(response.status) || !shaped || !field) {
        wrong.push(`${c.name}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses 1 MB bodies on every write endpoint with 413, and the connection stays usable", async () => {
    const huge = json({ title: "x".repeat(ONE_MB), severity: "SEV1", body: "x".repeat(ONE_MB), name: "x".repeat(ONE_MB), role: "viewer" });
    for (const e of writeEndpoints()) {
      const response = await app.api.raw(e.method, e.path, huge);
      expect(response.status, e.name).toBe(413);
      expect(response.body.error.code).toBe("payload_too_large");
      // The same client's next request must not find a connection the server has given up on.
      expect((await app.api.get("/healthz")).status, `request after ${e.name}`).toBe(200);
    }
  });

  it("refuses a 1 MB body sent without a length (chunked) with 413", async () => {
    const chunk = new TextEncoder().encode(`{"body":"${"y".repeat(64 * 1024)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= ONE_MB) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });
    const response = await app.api.raw("POST", `${incident}/timeline`, stream);
    expect(response.status).toBe(413);
    expect((await app.api.get("/healthz")).status).toBe(200);
  });

  it("answers bad query strings and unstorable URLs with 400, never 5xx", async () => {
    const paths = [
      "/api/v1/incidents?status=done",
      "/api/v1/incidents?limit=many",
      "/api/v1/incidents?cursor=not-a-cursor",
      "/api/v1/incidents?from=99999-01-01",
      "/api/v1/incidents?q=%00",
      `${incident}/timeline?after=banana`,
      `${incident}/timeline?after=99999999999`,
      "/api/v1/incidents/%00",
      `${incident}/timeline/%00`,
      // not UTF-8 once percent-decoded: a lone surrogate, an overlong slash, bytes that are no text, a bare %
      "/api/v1/subscribers/%ed%a0%80",
      `${incident}/timeline/%c0%af`,
      "/api/v1/incidents/%ff%fe",
      "/api/v1/incidents/%",
    ];
    const wrong: string[] = [];
    for (const path of paths) {
      const response = await app.api.get(path);
      if (response.status < 400 || response.status >= 500 || !response.body?.error) wrong.push(`${path}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("stored none of it", async () => {
    expect(await tableSizes(app.db)).toEqual(sizesBefore);
    expect(await app.db.count("ApiToken")).toBe(tokensBefore);
    const [{ incidentCounter }] = await app.db.rows(`SELECT "incidentCounter" FROM "Organization"`);
    expect(incidentCounter).toBe(counterBefore);
    expect((await app.api.get(incident)).body.incident).toMatchObject({ status: "investigating", commander: null });
  });
});
