// The public page people meet (issue 14, item 10), over real HTTP on each database: with the demo
// data and an incident published through the API, /status stays light; groups open only when a
// member is affected; a group's box in the subscribe form subscribes to its members; the widget
// sizes itself (and its opt-in variant tells its host its height); 404s keep their frame.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOpenIncident, type OpenIncident } from "../setup/status-demo.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

/** Measured with the demo data and one incident open: 749 elements and 57 KB (decision 0035); the budget leaves room for a busy day. */
const BUDGET = { elements: 1_500, bytes: 100_000 };

const elements = (html: string) => (html.match(/<[a-zA-Z]/g) ?? []).length;
const directives = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(" ")]),
  );

describe.each(databases())("the public page on %s", (database) => {
  let app: TestApp;
  let open: OpenIncident;
  let status: string;

  beforeAll(async () => {
    app = await startApp({ database });
    open = await publishOpenIncident(app.baseUrl, app.adminToken);
    status = await (await fetch(`${app.baseUrl}/status`)).text();
  });
  afterAll(() => app?.stop());

  it("weighs under its budget with the demo data and an incident open", () => {
    expect(status).toContain("Elevated error rates on the Messages API");
    expect(elements(status)).toBeLessThan(BUDGET.elements);
    expect(Buffer.byteLength(status)).toBeLessThan(BUDGET.bytes);
  });

  it("opens the groups with an affected member and keeps the others closed", async () => {
    const components = (await app.api.get("/api/v1/components")).body.components as { id: string; name: string; group: boolean }[];
    const groupTag = (id: string) => {
      const at = status.indexOf(`data-component="${id}"`);
      return status.slice(at, status.indexOf(">", status.indexOf("<details", at)) + 1);
    };
    const groups = components.filter((c) => c.group);
    expect(groups.length).toBeGreaterThan(2);
    const summary = (await (await fetch(`${app.baseUrl}/api/v2/components.json`)).json()) as {
      components: { id: string; status: string; group: boolean }[];
    };
    for (const group of groups) {
      const affected = summary.components.find((c) => c.id === group.id)!.status !== "operational";
      expect(groupTag(group.id), group.name).toMatch(affected ? /<details open=""/ : /<details(?! open)/);
    }
    expect(groupTag(open.groupId)).toMatch(/<details open=""/);
  });

  it("subscribes to every member of a group chosen with its one box, and refuses a group with no components", async () => {
    const email = `group-${database}@example.com`;
    const answer = await fetch(`${app.baseUrl}/status/subscribe`, {
      method: "POST",
      body: new URLSearchParams({ email, components: open.groupId }),
    });
    expect(answer.status).toBe(200);
    const members = ((await app.api.get("/api/v1/components")).body.components as { id: string; groupId?: string | null }[]).filter(
      (c) => c.groupId === open.groupId,
    );
    expect(members.length).toBeGreaterThan(1);
    // The form's request is carried out by the delivery worker (decision 0033).
    type Listed = { email: string; components: { id: string }[] };
    let subscriber: Listed | undefined;
    for (let i = 0; i < 150 && !subscriber; i++) {
      const listed = (await app.api.get(`/api/v1/subscribers?search=${encodeURIComponent(email)}`)).body.subscribers as Listed[];
      subscriber = listed.find((s) => s.email === email);
      if (!subscriber) await new Promise((r) => setTimeout(r, 100));
    }
    expect(subscriber, "the subscriber, once the worker carried the request out").toBeDefined();
    expect(subscriber!.components.map((c) => c.id).sort()).toEqual(members.map((m) => m.id).sort());

    const empty = await app.api.post("/api/v1/components", { name: `Empty group ${database}`, group: true });
    expect(empty.status, JSON.stringify(empty.body)).toBe(201);
    const refused = await app.api.post("/api/v1/subscribers", {
      email: `empty-${database}@example.com`,
      components: [empty.body.component.id],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual({ "components.0": "this group has no components" });
    expect(await app.db.count("Subscriber", `"email" = ?`, `empty-${database}@example.com`)).toBe(0);
  });

  it("serves a script-free widget, and an opt-in variant that posts its height, its script allowed by its hash", async () => {
    const plain = await fetch(`${app.baseUrl}/status/embed`);
    const plainHtml = await plain.text();
    expect(plainHtml).not.toContain("<script");
    expect(directives(plain.headers.get("content-security-policy"))["script-src"]).toBeUndefined();
    expect(plainHtml).toContain("Elevated error rates on the Messages API");

    const resizing = await fetch(`${app.baseUrl}/status/embed?resize=1`);
    expect(resizing.status).toBe(200);
    const html = await resizing.text();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('postMessage({type:"incident-desk:height",height:h},"*")');
    const csp = directives(resizing.headers.get("content-security-policy"));
    expect(csp["script-src"]).toBe(`'sha256-${createHash("sha256").update(scripts[0]).digest("base64")}'`);
    expect(csp["frame-ancestors"]).toBe(directives(plain.headers.get("content-security-policy"))["frame-ancestors"]);
    expect(resizing.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    // any other query is the plain widget
    expect(await (await fetch(`${app.baseUrl}/status/embed?resize=0&x=1`)).text()).toBe(plainHtml);
  });

  it("answers a public 404 with the status page's header and a way back to /status, for any path or method", async () => {
    for (const [method, path] of [
      ["GET", "/status/nope"],
      ["GET", "/status/incidents/unknown"],
      ["GET", "/status/incidents/zzzzzzzzzzzz"],
      ["GET", "/status/history/2026"],
      ["POST", "/status/nope"],
    ]) {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method,
        body: method === "POST" ? new URLSearchParams({ a: "b" }) : undefined,
      });
      const html = await response.text();
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(html, path).toMatch(/<header[^>]*>[\s\S]*Northwind AI <span[^>]*>Status<\/span>/);
      expect(html, path).toContain('aria-label="Status page"');
      expect(html, path).toMatch(/href="[^"]*\/status">See the current status<\/a>/);
      expect(html, path).not.toContain('aria-label="Main"');
    }
    // an incident whose updates are all drafts is not public: the same 404
    const draftOnly = await app.api.post("/api/v1/incidents", { title: "Internal only", severity: "SEV4" });
    expect((await fetch(`${app.baseUrl}/status/incidents/${draftOnly.body.incident.id}`)).status).toBe(404);
  });

  it("keeps the app's navigation on a signed-in reader's 404, and points anyone else to the status page", async () => {
    const cookie = await cookieOf(app, "viewer@northwind.example");
    for (const path of ["/incidents/unknown", "/nope", "/no/such/page", "/incidents/unknown/comms", "/postmortems/nosuchpostmo"]) {
      const response = await fetch(`${app.baseUrl}${path}`, { headers: { cookie } });
      const html = await response.text();
      expect(response.status, path).toBe(404);
      expect(html, path).toContain('aria-label="Main"');
      // the post-mortem page says it in its own words, inside the same frame
      if (!path.startsWith("/postmortems/")) expect(html, path).toContain('href="/incidents">Back to incidents</a>');
    }
    const stranger = await fetch(`${app.baseUrl}/nope`);
    const html = await stranger.text();
    expect(stranger.status).toBe(404);
    expect(html).not.toContain('aria-label="Main"');
    expect(html).toContain('href="/status">Service status</a>');
  });
});
