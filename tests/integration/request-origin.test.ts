// Requests from elsewhere (decision 0030): a state-changing request that carries the browser's
// cookie must come from a page of this site, whatever route answers it (a page, Remix's
// `?_data=` and single-fetch `.data` requests, a resource route of the API), and so must a
// sign-in. Scripts with a bearer token, signed webhooks and the one-click unsubscribe of a mail
// provider carry no cookie and are not asked. (Behind a proxy: request-origin-behind-proxy.test.ts; API bodies
// are JSON: api-bodies-json.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { upgradeStatus } from "../setup/collab-client.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

const EVIL = "https://evil.example";

type Sent = { status: number; type: string; text: string; json: any };

describe.each(databases())("requests from other sites on %s", (database) => {
  let app: TestApp;
  let admin: string;
  let responder: string;

  beforeAll(async () => {
    app = await startApp({ database });
    [admin, responder] = await Promise.all([cookieOf(app, "admin@northwind.example"), cookieOf(app, "responder@northwind.example")]);
  });
  afterAll(() => app?.stop());

  async function send(method: string, path: string, headers: Record<string, string>, body?: string | URLSearchParams): Promise<Sent> {
    const response = await fetch(app.baseUrl + path, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // a page, not JSON
    }
    return { status: response.status, type: response.headers.get("content-type") ?? "", text, json };
  }

  const newAdminForm = (email: string) =>
    new URLSearchParams({ intent: "create", email, name: "Mallory", role: "admin", password: "a-very-long-password-of-mallory-77" });
  const usersWith = (email: string) => app.db.count("User", `"email" = ?`, email);
  const formOf = (cookie: string, extra: Record<string, string>) => ({
    cookie,
    "content-type": "application/x-www-form-urlencoded",
    ...extra,
  });

  it("refuses a cross-site ?_data= POST and a single-fetch .data POST to /admin/users with the admin's cookie: 403, no user", async () => {
    for (const path of [
      "/admin/users?_data=routes%2Fadmin.users",
      "/admin/users.data",
      "/admin/users",
      "/ADMIN/Users?_data=routes%2Fadmin.users",
      "/%61dmin/users.data",
    ]) {
      const email = `mallory-${path.length}-${path.charCodeAt(1)}@evil.example`;
      const sent = await send("POST", path, formOf(admin, { origin: EVIL }), newAdminForm(email));
      expect(sent.status, `${path}: ${sent.text.slice(0, 200)}`).toBe(403);
      expect(await usersWith(email), path).toBe(0);
    }
  });

  it("answers a page for pages and the API's error shape for the API", async () => {
    const page = await send("POST", "/admin/users", formOf(admin, { origin: EVIL }), newAdminForm("mallory-page@evil.example"));
    expect(page.status).toBe(403);
    expect(page.type).toContain("text/html");
    expect(page.text).toContain("another site");
    const api = await send(
      "POST",
      "/api/v1/incidents",
      { cookie: admin, origin: EVIL, "content-type": "application/json" },
      JSON.stringify({ title: "Cross-site incident", severity: "SEV4" }),
    );
    expect(api.status).toBe(403);
    expect(api.json?.error?.code).toBe("forbidden");
    expect(api.json?.error?.message).toContain("another site");
    expect(await app.db.count("Incident", `"title" = ?`, "Cross-site incident")).toBe(0);
  });

  it("refuses Sec-Fetch-Site: cross-site without an Origin, Origin: null, and another scheme or port of this host", async () => {
    const self = new URL(app.baseUrl);
    const shapes: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "null" },
      { origin: `https://${self.host}` },
      { origin: `http://${self.hostname}:${Number(self.port) + 1}` },
      { origin: `${app.baseUrl}.evil.example` },
      { origin: "not a url" },
      { origin: app.baseUrl, "sec-fetch-site": "cross-site" },
      // Forwarded headers count only behind a trusted proxy (TRUST_PROXY=1), which this server is not.
      { origin: EVIL, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    ];
    for (const [i, headers] of shapes.entries()) {
      const email = `mallory-shape-${i}@evil.example`;
      const sent = await send("POST", "/admin/users", formOf(admin, headers), newAdminForm(email));
      expect(sent.status, JSON.stringify(headers)).toBe(403);
      expect(await usersWith(email)).toBe(0);
    }
  });

  it("refuses a form write with a cookie that names no origin, unless its Referer is this site's; JSON may come from curl", async () => {
    const bare = await send("POST", "/admin/users", formOf(admin, {}), newAdminForm("mallory-bare@evil.example"));
    expect(bare.status).toBe(403);
    const plain = await send("POST", "/admin/users", { cookie: admin, "content-type": "text/plain" }, "intent=create");
    expect(plain.status).toBe(403);
    const foreignReferer = await send(
      "POST",
      "/admin/users",
      formOf(admin, { referer: `${EVIL}/page` }),
      newAdminForm("mallory-referer@evil.example"),
    );
    expect(foreignReferer.status).toBe(403);
    expect(await usersWith("mallory-bare@evil.example")).toBe(0);
    expect(await usersWith("mallory-referer@evil.example")).toBe(0);

    const oldBrowser = await send(
      "POST",
      "/admin/users",
      formOf(admin, { referer: `${app.baseUrl}/admin/users` }),
      newAdminForm("old-browser@northwind.example"),
    );
    expect(oldBrowser.status, oldBrowser.text.slice(0, 300)).toBe(200);
    expect(await usersWith("old-browser@northwind.example")).toBe(1);
    const curl = await send(
      "POST",
      "/api/v1/incidents",
      { cookie: responder, "content-type": "application/json" },
      JSON.stringify({ title: "Declared with curl", severity: "SEV4" }),
    );
    expect(curl.status, curl.text).toBe(201);
  });

  it("refuses PUT, PATCH and DELETE from another site, on the API and on pages", async () => {
    const incident = (await app.api.post("/api/v1/incidents", { title: "Target of cross-site writes", severity: "SEV3" })).body.incident;
    const subscriber = (
      await app.api.post("/api/v1/subscribers", { email: "kept@northwind.example", confirmedAt: new Date().toISOString() })
    ).body.subscriber;
    const json = { cookie: admin, origin: EVIL, "content-type": "application/json" };
    const writes: [string, string, Record<string, string>, string | undefined][] = [
      ["PATCH", `/api/v1/incidents/${incident.id}`, json, JSON.stringify({ title: "Renamed from elsewhere" })],
      ["DELETE", `/api/v1/subscribers/${subscriber.id}`, { cookie: admin, origin: EVIL }, undefined],
      ["PUT", "/api/v1/templates/update.investigating", json, JSON.stringify({ source: "Hijacked {{ title }}" })],
      ["PATCH", `/incidents/${incident.id}`, { cookie: admin, "sec-fetch-site": "cross-site" }, undefined],
      ["DELETE", "/admin/users", { cookie: admin, origin: "null" }, undefined],
      ["PUT", "/admin/settings.data", { cookie: admin, origin: EVIL }, undefined],
    ];
    for (const [method, path, headers, body] of writes)
      expect((await send(method, path, headers, body)).status, `${method} ${path}`).toBe(403);
    expect((await app.api.get(`/api/v1/incidents/${incident.id}`)).body.incident.title).toBe("Target of cross-site writes");
    expect(await app.db.count("Subscriber", `"id" = ? AND "unsubscribedAt" IS NULL`, subscriber.id)).toBe(1);
    expect(JSON.stringify((await app.api.get("/api/v1/templates")).body)).not.toContain("Hijacked");
  });

  it("refuses a sign-in from another site (login CSRF): no session is made", async () => {
    const before = await app.db.count("Session");
    for (const headers of [{ origin: EVIL }, { "sec-fetch-site": "cross-site" }, { origin: "null" }] as Record<string, string>[]) {
      for (const path of ["/login", "/login.data", "/login?_data=routes%2Flogin", "/Login/"]) {
        const sent = await send(
          "POST",
          path,
          { "content-type": "application/x-www-form-urlencoded", ...headers },
          new URLSearchParams({ email: "viewer@northwind.example", password: "demo-password-2026" }),
        );
        expect(sent.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(await app.db.count("Session")).toBe(before);
  });

  it("lets this site's own pages write: a form, a single-fetch POST, a JSON call and a sign-in", async () => {
    const own = { origin: app.baseUrl, "sec-fetch-site": "same-origin" };
    const page = await send("POST", "/admin/users", formOf(admin, own), newAdminForm("made-here@northwind.example"));
    expect(page.status, page.text.slice(0, 300)).toBe(200);
    const single = await send("POST", "/admin/users.data", formOf(admin, own), newAdminForm("made-here-too@northwind.example"));
    expect(single.status, single.text.slice(0, 300)).toBe(200);
    expect(await usersWith("made-here@northwind.example")).toBe(1);
    expect(await usersWith("made-here-too@northwind.example")).toBe(1);
    const api = await send(
      "POST",
      "/api/v1/incidents",
      { cookie: responder, "content-type": "application/json", ...own },
      JSON.stringify({ title: "Declared in the room", severity: "SEV4" }),
    );
    expect(api.status, api.text).toBe(201);
    const login = await send(
      "POST",
      "/login",
      { "content-type": "application/x-www-form-urlencoded", ...own },
      new URLSearchParams({ email: "viewer@northwind.example", password: "demo-password-2026" }),
    );
    expect(login.status).toBe(302);
  });

  it("asks no origin of a bearer token, nor of a sign-in by a script", async () => {
    const token = { authorization: `Bearer ${app.adminToken}` };
    const api = await send(
      "POST",
      "/api/v1/incidents",
      { ...token, "content-type": "application/json" },
      JSON.stringify({ title: "Declared by automation", severity: "SEV4" }),
    );
    expect(api.status, api.text).toBe(201);
    const form = await send(
      "POST",
      "/admin/users",
      { ...token, "content-type": "application/x-www-form-urlencoded" },
      newAdminForm("made-by-script@northwind.example"),
    );
    expect(form.status, form.text.slice(0, 300)).toBe(200);
    const script = await send(
      "POST",
      "/login",
      { "content-type": "application/x-www-form-urlencoded" },
      new URLSearchParams({ email: "viewer@northwind.example", password: "demo-password-2026" }),
    );
    expect(script.status).toBe(302);
  });

  it("takes the RFC 8058 one-click unsubscribe a mail provider posts, from wherever it comes", async () => {
    const mailProviders: Record<string, string>[] = [
      {},
      { origin: EVIL, "sec-fetch-site": "cross-site" },
      { origin: "null", cookie: admin },
    ];
    for (const [i, headers] of mailProviders.entries()) {
      const email = `one-click-${i}@example.com`;
      await app.api.post("/api/v1/subscribers", { email, confirmedAt: new Date().toISOString() });
      const [row] = await app.db.rows<{ token: string }>(`SELECT "token" FROM "Subscriber" WHERE "email" = ?`, email);
      const sent = await send(
        "POST",
        `/status/subscriptions/${row!.token}/unsubscribe`,
        { "content-type": "application/x-www-form-urlencoded", ...headers },
        "List-Unsubscribe=One-Click",
      );
      expect(sent.status, JSON.stringify(headers)).toBe(200);
      expect(await app.db.count("Subscriber", `"email" = ? AND "unsubscribedAt" IS NOT NULL`, email)).toBe(1);
    }
  });

  it("refuses the /collab websocket to pages of other sites, and takes it from this one", async () => {
    const collab = `${app.baseUrl}/collab`;
    const foreign: Record<string, string>[] = [
      { origin: EVIL },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { origin: app.baseUrl.replace("http:", "https:") },
    ];
    for (const headers of foreign) {
      expect(await upgradeStatus(collab, { cookie: responder, ...headers }), JSON.stringify(headers)).toBe(403);
    }
    expect(await upgradeStatus(collab, { cookie: responder, origin: app.baseUrl })).toBe(101);
  });
});
