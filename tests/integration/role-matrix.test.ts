// The role matrix (issue 7): every method of every route module, as every principal (anonymous;
// a session of each role; an API token of each role), against real objects, answers the class
// role-matrix.expectations.ts says: allowed, 403, 401, the sign-in redirect, or not served. The
// roles allowed are the table's own data; the app's permission table (roles.ts) is not consulted.
// Writes carry an invalid body (or aim at an object they cannot change), so an allowed write
// changes nothing either; the GETs together must leave every table as it was.
// (The table itself is checked by role-matrix-table.test.ts.)
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { cookieOf, generatedPostmortem } from "./postmortem-fixtures.ts";
import { METHODS, ROLES, ROUTES, SERVER_ENDPOINTS, type Method, type RouteExpectation, type Rule } from "./role-matrix.expectations.ts";
import {
  type Cell,
  expectedOutcomes,
  firstFigureKey,
  type Fixtures,
  inPool,
  methodsFor,
  outcomeOf,
  type Principal,
} from "./role-matrix.cells.ts";

/** A sweep takes seconds on an idle machine; other suites' servers may share the cores. */
const SWEEP_TIMEOUT_MS = 180_000;

describe.each(databases())("the role matrix on %s", (database) => {
  let app: TestApp;
  const principals: Principal[] = [{ name: "anonymous", role: null, headers: {} }];
  const fixtures: Fixtures = {};
  const cells: { reads: Cell[]; writes: Cell[]; last: Cell[] } = { reads: [], writes: [], last: [] };
  const timings: { what: string; ms: number }[] = [];
  /** How long the sweep took, and its slowest requests (the figures of the test's report). */
  const report = (what: string, count: number, started: number) => {
    const slowest = timings
      .splice(0)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((t) => `${t.what} ${t.ms} ms`);
    console.info(`role matrix on ${database}: ${count} ${what} cells in ${Date.now() - started} ms; slowest: ${slowest.join(", ")}`);
  };

  async function created(url: string, body: unknown, key: string): Promise<string> {
    const response = await app.api.post(url, body);
    expect(response.status, `POST ${url}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body[key].id;
  }

  async function makeFixtures() {
    const incident = await created("/api/v1/incidents", { title: "Role matrix: checkout errors", severity: "SEV3" }, "incident");
    const postmortem = await generatedPostmortem(app, app.api, "Role matrix: resolved incident");
    const [{ incidentId: resolvedIncident }] = await app.db.rows<{ incidentId: string }>(
      `SELECT "incidentId" FROM "Postmortem" WHERE "id" = ?`,
      postmortem.id,
    );
    const publishedUpdate = await created(
      `/api/v1/incidents/${incident}/updates`,
      { status: "investigating", body: "We are looking into checkout errors.", notify: false, publish: true },
      "update",
    );
    const actionItem = await created(
      `/api/v1/postmortems/${postmortem.id}/action-items`,
      { title: "Alert on checkout errors", kind: "mitigate" },
      "actionItem",
    );
    const component = (await app.api.get("/api/v1/components")).body.components.find((c: { group: boolean }) => !c.group).id;
    const day = 24 * 60 * 60 * 1000;
    const maintenance = await created(
      "/api/v1/maintenances",
      {
        title: "Role matrix window",
        scheduledFor: new Date(Date.now() + 30 * day).toISOString(),
        scheduledUntil: new Date(Date.now() + 30 * day + 3600_000).toISOString(),
        components: [component],
      },
      "maintenance",
    );
    // a subscriber who already left: confirming, unsubscribing or choosing components changes nothing
    const leaver = await created(
      "/api/v1/subscribers",
      { email: "matrix-leaver@example.com", confirmedAt: new Date().toISOString() },
      "subscriber",
    );
    const [{ token: subscriberToken }] = await app.db.rows<{ token: string }>(`SELECT "token" FROM "Subscriber" WHERE "id" = ?`, leaver);
    expect((await fetch(`${app.baseUrl}/status/subscriptions/${subscriberToken}/unsubscribe`, { method: "POST" })).status).toBe(200);
    // a Slack hook under SLACK_HOOKS_BASE_URL (a port nothing listens on: its test message just fails)
    const hookForm = new URLSearchParams({ url: "http://127.0.0.1:9/services/T0/B0/matrix" });
    expect((await fetch(`${app.baseUrl}/status/subscribe/slack`, { method: "POST", body: hookForm })).status).toBe(200);
    const [{ token: slackHookToken }] = await app.db.rows<{ token: string }>(`SELECT "token" FROM "SlackHook"`);
    // the confirmation email of a new subscriber lands in the outbox (no RESEND_API_KEY)
    await created("/api/v1/subscribers", { email: "matrix-outbox@example.com" }, "subscriber");
    let outboxEmail: string | undefined;
    for (let tries = 0; !outboxEmail && tries < 100; tries++) {
      [{ id: outboxEmail } = { id: undefined }] = await app.db.rows<{ id: string }>(
        `SELECT "id" FROM "OutboxEmail" WHERE "to" = ?`,
        "matrix-outbox@example.com",
      );
      if (!outboxEmail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(outboxEmail, "the confirmation email reached the outbox").toBeDefined();
    const figure = firstFigureKey((await app.api.get("/api/v1/insights")).body);
    const [{ id: user }] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = ?`, "jordan.blake@northwind.example");
    Object.assign(fixtures, {
      incident,
      resolvedIncident,
      postmortem: postmortem.id,
      publishedUpdate,
      actionItem,
      component,
      maintenance,
      subscriberToken,
      slackHookToken,
      outboxEmail: outboxEmail!,
      figure,
      user,
      // a DELETE that may remove its target gets one of its own
      freshEntry: oneEachDelete(() =>
        created(`/api/v1/incidents/${incident}/timeline`, { body: "An entry for the role matrix." }, "entry"),
      ),
      freshSubscriber: oneEachDelete(() =>
        created(
          "/api/v1/subscribers",
          { email: `matrix-${randomBytes(4).toString("hex")}@example.com`, confirmedAt: new Date().toISOString() },
          "subscriber",
        ),
      ),
      freshWebhook: oneEachDelete(() =>
        created(
          "/api/v1/webhooks",
          { url: "http://127.0.0.1:9/matrix", secret: "a-secret-of-the-matrix-0123", events: ["incident"] },
          "webhook",
        ),
      ),
    } satisfies Fixtures);
  }

  /** A new object for each DELETE; one shared by the other methods. */
  function oneEachDelete(make: () => Promise<string>): (method: Method) => Promise<string> {
    let shared: Promise<string> | undefined;
    return (method) => (method === "DELETE" ? make() : (shared ??= make()));
  }

  async function fill(template: string, method: Method): Promise<string> {
    let filled = template;
    for (const [, name] of template.matchAll(/\{([A-Za-z]+)\}/g)) {
      const fixture = fixtures[name];
      if (fixture === undefined) throw new Error(`no fixture {${name}} (in ${template})`);
      filled = filled.replace(`{${name}}`, encodeURIComponent(typeof fixture === "string" ? fixture : await fixture(method)));
    }
    return filled;
  }

  async function plan(entry: RouteExpectation | (typeof SERVER_ENDPOINTS)[number]) {
    const variants = [{ label: "", body: (entry as RouteExpectation).body, rules: entry as Partial<Record<Method, Rule>> }];
    for (const v of (entry as RouteExpectation).variants ?? []) variants.push({ label: ` (${v.label})`, body: v.body, rules: v });
    for (const variant of variants) {
      const methods = variant.label ? METHODS.filter((m) => variant.rules[m]) : "file" in entry ? methodsFor(entry) : (["GET"] as const);
      for (const method of methods) {
        // a method no one may use is asked as a stranger and as an admin: anyone else gets what they get
        const askers = variant.rules[method] ? principals : principals.filter((p) => !p.role || p.name === "admin token");
        for (const principal of askers) {
          const cell: Cell = {
            method,
            url: await fill(entry.url, method),
            variant: variant.label,
            body: variant.body === undefined ? undefined : await fill(variant.body, method),
            principal,
            expected: expectedOutcomes(variant.rules[method], principal, entry.url),
          };
          (method === "GET" ? cells.reads : (entry as RouteExpectation).last ? cells.last : cells.writes).push(cell);
        }
      }
    }
  }

  async function ask(cell: Cell): Promise<string | null> {
    const json = cell.url.startsWith("/api/");
    const headers: Record<string, string> = { accept: json ? "application/json" : "text/html", ...cell.principal.headers };
    let body: string | undefined;
    if (cell.method !== "GET") {
      headers["content-type"] = json ? "application/json" : "application/x-www-form-urlencoded";
      body = cell.body ?? (json ? "[]" : "matrix=1");
    }
    const started = Date.now();
    const response = await fetch(app.baseUrl + cell.url, { method: cell.method, headers, body, redirect: "manual" });
    const location = response.headers.get("location");
    // an event stream never ends: its headers are the answer
    const text = response.headers.get("content-type")?.startsWith("text/event-stream")
      ? (await response.body?.cancel(), "")
      : await response.text();
    timings.push({ what: `${cell.method} ${cell.url}`, ms: Date.now() - started });
    const got = outcomeOf(response.status, location);
    if (cell.expected.includes(got)) return null;
    const said = location ? `-> ${location}` : text.replace(/\s+/g, " ").slice(0, 160);
    return `${cell.method} ${cell.url}${cell.variant} as ${cell.principal.name}: expected ${cell.expected[0]}, got ${response.status} ${said}`;
  }

  async function sweep(list: Cell[]): Promise<string[]> {
    const wrong: string[] = [];
    await inPool(list, async (cell) => {
      const mismatch = await ask(cell);
      if (mismatch) wrong.push(mismatch);
    });
    return wrong.sort();
  }

  async function tableSizes(): Promise<Record<string, number>> {
    const names = app.databaseUrl.startsWith("file:")
      ? await app.db.rows<{ name: string }>(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'`)
      : await app.db.rows<{ name: string }>(
          `SELECT "table_name" AS "name" FROM "information_schema"."tables" WHERE "table_schema" = 'public' AND "table_type" = 'BASE TABLE'`,
        );
    const sizes: Record<string, number> = {};
    for (const { name } of names) sizes[name] = await app.db.count(name);
    return sizes;
  }

  beforeAll(async () => {
    const started = Date.now();
    app = await startApp({
      database,
      env: {
        RESEND_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
        SLACK_SIGNING_SECRET: randomBytes(16).toString("hex"),
        // every unsigned request to a signed endpoint counts as a wrong token of this address (decision 0028):
        // the matrix sends 36 of them, past the default 30, after which every token would be answered 429
        TOKEN_FAILURES_PER_IP: "1000",
        WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
        SLACK_HOOKS_BASE_URL: "http://127.0.0.1:9/",
      },
    });
    for (const role of ROLES) {
      // A session is used from the site's own pages, which name their origin (decision 0030).
      const cookie = await cookieOf(app, `${role}@northwind.example`);
      principals.push({ name: `${role} session`, role, headers: { cookie, origin: app.baseUrl } });
      const token = await app.api.post("/api/v1/tokens", { name: `role matrix ${role}`, role });
      expect(token.status).toBe(201);
      principals.push({ name: `${role} token`, role, headers: { authorization: `Bearer ${token.body.token}` } });
    }
    await makeFixtures();
    for (const entry of [...ROUTES, ...SERVER_ENDPOINTS]) await plan(entry);
    console.info(`role matrix on ${database}: ${principals.length} principals, fixtures ready in ${Date.now() - started} ms`);
  });
  afterAll(() => app?.stop());

  it("answers every GET as the table says, and the GETs change nothing", { timeout: SWEEP_TIMEOUT_MS }, async () => {
    const before = await tableSizes();
    const started = Date.now();
    const wrong = await sweep(cells.reads);
    report("GET", cells.reads.length, started);
    expect(wrong).toEqual([]);
    expect(await tableSizes()).toEqual(before);
  });

  it("answers every write as the table says", { timeout: SWEEP_TIMEOUT_MS }, async () => {
    const started = Date.now();
    const wrong = await sweep(cells.writes);
    report("write", cells.writes.length, started);
    expect(wrong).toEqual([]);
  });

  it("answers signing out as the table says (last: it ends the sessions)", async () => {
    expect(await sweep(cells.last)).toEqual([]);
  });
});
