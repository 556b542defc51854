// Small leaks (issue 13, item 11): answers for signed-in people and the API are not stored by caches: no-store
// on every kind of signed-in answer (pages, data requests, API, downloads, streams, redirects, refusals), while
// the public status page, its API and the assets keep their own cache policy. (The others: small-leaks.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf, generatedPostmortem, signedInApi } from "./postmortem-fixtures.ts";

describe.each(databases())("answers for signed-in people are not kept by caches on %s", (database) => {
  let app: TestApp;
  let cookie: string;
  let viewer: string;
  let incidentId: string;
  let postmortemId: string;

  beforeAll(async () => {
    app = await startApp({ database });
    [cookie, viewer] = await Promise.all([cookieOf(app, "admin@northwind.example"), cookieOf(app, "viewer@northwind.example")]);
    incidentId = (await app.api.post("/api/v1/incidents", { title: "Cached nowhere", severity: "SEV4" })).body.incident.id;
    postmortemId = (await generatedPostmortem(app, await signedInApi(app, "responder@northwind.example"))).id;
  });
  afterAll(() => app?.stop());

  const cacheControl = async (path: string, headers: Record<string, string>, init: RequestInit = {}) => {
    const controller = new AbortController();
    const response = await fetch(app.baseUrl + path, { headers, redirect: "manual", signal: controller.signal, ...init });
    controller.abort(); // an event stream does not end by itself
    return { status: response.status, value: response.headers.get("cache-control") ?? "(none)" };
  };

  it("says no-store on every kind of signed-in answer: pages, data requests, API, downloads, streams, redirects, refusals", async () => {
    const session = { cookie };
    const token = { authorization: `Bearer ${app.adminToken}` };
    const asked: [string, Record<string, string>, RequestInit?][] = [
      ["/incidents", session],
      [`/incidents/${incidentId}`, session],
      ["/incidents.data", session],
      [`/incidents/${incidentId}?_data=routes%2Fincidents.%24id`, session],
      ["/incidents", token],
      ["/api/v1/incidents", session],
      ["/api/v1/incidents", token],
      ["/api/v1/incidents", {}],
      [`/api/v1/postmortems/${postmortemId}`, token],
      [`/postmortems/${postmortemId}.md`, session],
      ["/insights.csv", session],
      ["/admin/audit.jsonl", session],
      ["/admin/subscribers.csv", session],
      [`/api/v1/incidents/${incidentId}/events`, session],
      ["/admin", session],
      ["/admin/users", { cookie: viewer }],
      ["/incidents/no-such-incident", session],
      ["/account", session],
      [
        "/incidents/new",
        { ...session, origin: app.baseUrl, "content-type": "application/x-www-form-urlencoded" },
        { method: "POST", body: "title=" },
      ],
      [
        `/api/v1/incidents/${incidentId}`,
        { ...token, "content-type": "application/json" },
        { method: "PATCH", body: JSON.stringify({ summary: "Not cached." }) },
      ],
    ];
    const wrong: string[] = [];
    for (const [path, headers, init] of asked) {
      const { status, value } = await cacheControl(path, headers, init);
      if (!/(^|,\s*)no-store(\s*,|$)/.test(value))
        wrong.push(`${init?.method ?? "GET"} ${path} (${Object.keys(headers).join("+") || "anonymous"}): ${status} ${value}`);
    }
    expect(wrong).toEqual([]);
  });

  it("leaves the public status page, its API and the assets their own cache policy, signed in or not", async () => {
    for (const headers of [{}, { cookie }] as Record<string, string>[]) {
      for (const path of ["/status", "/api/v2/summary.json", "/history.atom"]) {
        const { status, value } = await cacheControl(path, headers);
        expect(status, path).toBe(200);
        expect(value, path).toMatch(/public/);
        expect(value, path).not.toMatch(/no-store/);
      }
    }
    const page = await (await fetch(`${app.baseUrl}/login`)).text();
    const asset = /\/assets\/[^"]+\.js/.exec(page)![0];
    expect((await cacheControl(asset, { cookie })).value).toMatch(/immutable/);
  });
});
