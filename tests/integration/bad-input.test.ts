// Bad input on every write endpoint gets a 4xx in the one error shape, never a 5xx, and
// leaves no trace in the database.
// (The requests: bad-input.cases.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableSizes } from "../setup/database-probe.ts";
import { databases, startApp, type ApiResponse, type TestApp } from "../setup/app-server.ts";
import { badRequests, json, writeEndpoints as endpointsAt, type Case } from "./bad-input.cases.ts";

const ONE_MB = 1024 * 1024;

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

  const writeEndpoints = () => endpointsAt({ incident, entry, component });
  const cases = () => badRequests({ incident, entry, component, group, otherIncidentEntry });

  async function send(c: Case): Promise<ApiResponse> {
    return app.api.raw(c.method, c.path, c.body);
  }

  it("answers each bad request with the expected 4xx and the error shape, naming the field", async () => {
    const wrong: string[] = [];
    for (const c of cases()) {
      const response = await send(c);
      const shaped =
        response.body?.error && typeof response.body.error.code === "string" && typeof response.body.error.message === "string";
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
