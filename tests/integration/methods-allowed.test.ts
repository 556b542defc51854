// A wrong method is 405 with `Allow` on every route (issue 15 item 1): the methods each route
// serves are the role matrix's data (role-matrix.expectations.ts, written by hand); every other
// method is sent to every API route, and POST to every page and download that takes no form, and
// to the public page's snapshot paths. The API answers in its error shape; `Allow` names exactly
// the methods the table lists (HEAD with GET).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf } from "./postmortem-fixtures.ts";
import { METHODS, ROUTES, type RouteExpectation } from "./role-matrix.expectations.ts";

/** Any id stands in for a fixture: the method is judged before anything is looked up. */
const urlOf = (route: RouteExpectation) => route.url.replace(/\{[^}]+\}/g, "no-such-id");
const served = (route: RouteExpectation) => METHODS.filter((m) => route[m] !== undefined);
const allowOf = (route: RouteExpectation) => {
  const methods = served(route);
  return methods.includes("GET") ? ["GET", "HEAD", ...methods.filter((m) => m !== "GET")] : methods;
};
const PUBLIC_SNAPSHOT = ["/status", "/status/history", "/status/uptime", "/status/embed", "/api/v2/summary.json", "/history.atom"];

describe.each(databases())("methods a route does not serve, on %s", (database) => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    // Slack's endpoints exist only with its signing secret (without it they are 404 to every method)
    app = await startApp({ database, env: { SLACK_SIGNING_SECRET: "a-signing-secret-for-the-test" } });
    admin = await cookieOf(app, "admin@northwind.example");
  });
  afterAll(() => app?.stop());

  it("answers every other method on every API route with 405, Allow and the API's error shape", async () => {
    const apiRoutes = ROUTES.filter((r) => r.url.startsWith("/api/v1/") && r.file !== "api.v1.email-events.ts");
    expect(apiRoutes.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const route of apiRoutes) {
      for (const method of METHODS.filter((m) => route[m] === undefined)) {
        const response = await fetch(app.baseUrl + urlOf(route), {
          method,
          headers: { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
          body: method === "GET" ? undefined : "{}",
        });
        const body = await response.text();
        const answer = `${response.status} Allow: ${response.headers.get("allow")} ${body.slice(0, 120)}`;
        const expected = `405 Allow: ${allowOf(route).join(", ")} {"error":{"code":"method_not_allowed"`;
        if (!answer.startsWith(expected)) wrong.push(`${method} ${route.url}: ${answer} (expected ${expected})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers POST to a page or download that takes no form with 405 and Allow: GET, HEAD, as text", async () => {
    const readOnly = ROUTES.filter((r) => !r.url.startsWith("/api/") && r.GET !== undefined && served(r).length === 1);
    expect(readOnly.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const route of readOnly) {
      const response = await fetch(app.baseUrl + urlOf(route), {
        method: "POST",
        headers: { cookie: admin, origin: app.baseUrl, "content-type": "application/x-www-form-urlencoded" },
        body: "intent=nothing",
        redirect: "manual",
      });
      const answer = `${response.status} Allow: ${response.headers.get("allow")} ${(await response.text()).slice(0, 60)}`;
      if (!answer.startsWith("405 Allow: GET, HEAD POST is not served here")) wrong.push(`POST ${route.url}: ${answer}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers writes to the public page's snapshot with 405 and the methods it serves", async () => {
    for (const path of PUBLIC_SNAPSHOT) {
      for (const method of ["POST", "PUT", "DELETE"]) {
        const response = await fetch(app.baseUrl + path, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow"), `${method} ${path}`).toMatch(/^GET, HEAD(, OPTIONS)?$/);
      }
    }
    expect((await fetch(`${app.baseUrl}/status`)).status).toBe(200);
  });
});
