// Thousands of generated malformed requests to every API endpoint and every form action (read
// from app/routes): bad JSON, fields of the wrong kind, huge and odd text, path tricks, odd
// methods and content types. Each is invalid by construction, so the app must answer each with a
// 4xx (the API in its error shape), stay healthy, and store nothing. FUZZ_SEED replays a run;
// FUZZ_REQUESTS changes how many requests are sent per database.
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyTable, tableSizes } from "../setup/database-probe.ts";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { JSON_FIELDS } from "../setup/fuzz/fields.ts";
import { generateRequests, slotOf, type Fixtures, type FuzzRequest, type Principal } from "../setup/fuzz/requests.ts";
import { discoverRoutes } from "../setup/fuzz/routes.ts";
import { sender, type Answer } from "../setup/fuzz/send.ts";
import { cookieOf, generatedPostmortem } from "./postmortem-fixtures.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const CONCURRENCY = 8;
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const ROUTES = discoverRoutes();

const SLACK_SECRET = randomBytes(16).toString("hex");

/** Signs a body as Slack does, so malformed Slack payloads get past the signature to the parsers. */
function slackHeaders(body: Buffer): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", SLACK_SECRET)
    .update(Buffer.concat([Buffer.from(`v0:${timestamp}:`), body]))
    .digest("hex");
  return { "x-slack-request-timestamp": timestamp, "x-slack-signature": `v0=${signature}` };
}

/** Signs a body as Svix does, so a malformed email event gets past the signature to the parser. */
function svixHeaders(body: Buffer): Record<string, string> {
  const id = `msg_${randomBytes(8).toString("hex")}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(WEBHOOK_SECRET.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]))
    .digest("base64");
  return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` };
}

function problemWith(request: FuzzRequest, answer: Answer): string | null {
  if ("error" in answer) return `no answer (${answer.error})`;
  const { status } = answer;
  if (status >= 500) return `${status}`;
  // OPTIONS reads like GET in Remix (the loader answers it).
  if (status >= 200 && status < 300 && request.method !== "GET" && request.method !== "OPTIONS")
    return `${status}: an invalid request was accepted`;
  if (status < 400 || !request.path.startsWith("/api/") || !answer.contentType.includes("json")) return null;
  let error: { code?: unknown; message?: unknown; fields?: unknown } | undefined;
  try {
    error = JSON.parse(answer.text)?.error;
  } catch {
    return `${status}: JSON that does not parse`;
  }
  if (typeof error?.code !== "string" || typeof error.message !== "string" || typeof error.fields !== "object" || error.fields === null) {
    return `${status}: not the API's error shape`;
  }
  if (status === 422 && Object.keys(error.fields).length === 0) return "422 naming no field";
  return null;
}

const excerpt = (body: Buffer | null) =>
  body ? JSON.stringify(body.subarray(0, 160).toString("utf8")) + (body.length > 160 ? `… (${body.length} bytes)` : "") : "no body";

describe("the routes the fuzz test finds", () => {
  it("finds every API endpoint and form action, with the fields of every JSON body", () => {
    const actions = ROUTES.filter((r) => r.hasAction);
    expect(actions.length).toBeGreaterThan(40);
    const unknown = actions
      .filter((r) => r.body === "json")
      .flatMap((r) => r.methods.filter((m) => m !== "DELETE").map((m) => `${r.file} ${m}`))
      .filter((key) => !(key in JSON_FIELDS));
    expect(unknown, "add their fields to tests/setup/fuzz/fields.ts").toEqual([]);
  });
});

describe.each(databases())("fuzzing every endpoint and form on %s", (database) => {
  let app: TestApp;
  let fixtures: Fixtures;
  let auth: Record<Principal, Record<string, string>>;
  let sizesBefore: Record<string, number>;
  const tables = everyTable();

  beforeAll(async () => {
    // No delivery worker: its sending would change the outbox while the rows are counted.
    // Malformed signed requests (Slack's, the email events') count as wrong tokens from this one
    // address; the limit itself is tested in token-limits.test.ts, so here it must not end the run.
    app = await startApp({
      database,
      env: {
        RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET,
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        DELIVERY_WORKER: "off",
        TOKEN_FAILURES_PER_IP: "100000",
      },
    });
    const get = async (path: string) => (await app.api.get(path)).body;
    const incident = (await app.api.post("/api/v1/incidents", { title: "Fuzz target", severity: "SEV4" })).body.incident;
    const entry = (await app.api.post(`/api/v1/incidents/${incident.id}/timeline`, { body: "a real entry" })).body.entry;
    const update = (await app.api.post(`/api/v1/incidents/${incident.id}/updates`, { status: "investigating", body: "a draft" })).body
      .update;
    const component = (await get("/api/v1/components")).components.find((c: { group: boolean }) => !c.group);
    const { id: postmortemId } = await generatedPostmortem(app, app.api, "Fuzz post-mortem");
    const postmortem = (await get(`/api/v1/postmortems/${postmortemId}`)).postmortem;
    const tomorrow = Date.now() + 24 * 3600_000;
    const maintenance = (
      await app.api.post("/api/v1/maintenances", {
        title: "Fuzz window",
        scheduledFor: new Date(tomorrow).toISOString(),
        scheduledUntil: new Date(tomorrow + 3600_000).toISOString(),
        components: [component.id],
        notify: false,
      })
    ).body.maintenance;
    const actionItem = (await app.api.post(`/api/v1/postmortems/${postmortemId}/action-items`, { title: "Fuzz item", kind: "prevent" }))
      .body.actionItem;
    const subscriber = (
      await app.api.post("/api/v1/subscribers", { email: "fuzz-reader@example.com", confirmedAt: new Date().toISOString() })
    ).body.subscriber;
    const noticeKind = (await get("/api/v1/notice-templates")).templates?.[0]?.kind;
    const [{ token }] = await app.db.rows<{ token: string }>(`SELECT "token" FROM "Subscriber" LIMIT 1`);
    const [{ id: outboxId } = { id: undefined }] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "OutboxEmail" LIMIT 1`);
    const [{ id: userId }] = await app.db.rows<{ id: string }>(`SELECT "id" FROM "User" LIMIT 1`);
    const ids: Record<string, string | undefined> = {
      "incidents/:id": incident.id,
      "timeline/:entryId": entry.id,
      "updates/:id": update.id,
      "components/:id": component.id,
      "postmortems/:id": postmortem?.id,
      "sections/:key": postmortem?.sections?.[0]?.key,
      "maintenances/:id": maintenance?.id,
      "action-items/:id": actionItem?.id,
      "subscribers/:id": subscriber?.id,
      "notice-templates/:kind": noticeKind,
      "templates/:key": "update.investigating",
      "subscriptions/:token": token,
      "outbox/:id": outboxId,
      "users/:id": userId,
    };
    const entityIds = [
      incident.id,
      entry.id,
      update.id,
      component.id,
      postmortem?.id,
      maintenance?.id,
      actionItem?.id,
      subscriber?.id,
      userId,
    ];
    fixtures = {
      ids: Object.fromEntries(Object.entries(ids).filter((e): e is [string, string] => typeof e[1] === "string")),
      all: entityIds.filter((id): id is string => typeof id === "string"),
    };
    const cookie = await cookieOf(app, "admin@northwind.example");
    auth = { token: { authorization: `Bearer ${app.adminToken}` }, session: { cookie, origin: app.baseUrl }, anonymous: {} };
    sizesBefore = await tableSizes(app.db, tables);
  });
  afterAll(() => app?.stop());

  it("has an id that exists for every parameter of a route that reads a body, so bodies are checked past the 404", () => {
    const readers = ROUTES.filter((r) => r.hasAction && r.body !== "none");
    const slots = new Set(readers.flatMap((r) => r.segments.flatMap((s, i) => ("param" in s ? [slotOf(r, i)] : []))));
    expect([...slots].filter((slot) => !(slot in fixtures.ids))).toEqual([]);
  });

  it("refuses a NUL in any value of a repeated form field, not only the last (a page reads the first)", async () => {
    const body = new URLSearchParams([
      ["title", "nul \u0000 title"],
      ["title", "A clean title"],
      ["severity", "SEV4"],
    ]);
    const response = await fetch(`${app.baseUrl}/incidents/new`, { method: "POST", headers: auth.session, body, redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/title contains a NUL character/);
  });

  it(`answers ${REQUESTS} malformed requests with 4xx, never 5xx (seed ${SEED})`, async () => {
    const { send, close } = sender(app.baseUrl, CONCURRENCY);
    const requests = generateRequests({
      routes: ROUTES,
      fixtures,
      seed: SEED,
      count: REQUESTS,
      signers: {
        "api.v1.email-events.ts": svixHeaders,
        "api.v1.slack.commands.ts": slackHeaders,
        "api.v1.slack.events.ts": slackHeaders,
        "api.v1.slack.interactions.ts": slackHeaders,
      },
    });
    const problems: string[] = [];
    const statuses: Record<string, number> = {};
    const slowest: Record<string, number> = {};
    const started = Date.now();
    const worker = async () => {
      for (let next = requests.next(); !next.done; next = requests.next()) {
        const request = next.value;
        const sentAt = Date.now();
        const answer = await send(request, auth[request.principal]);
        const took = Date.now() - sentAt;
        const what = `${request.route} [${request.mutation}]`;
        slowest[what] = (slowest[what] ?? 0) + took;
        const key = "error" in answer ? "no answer" : String(answer.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        const problem = problemWith(request, answer);
        if (problem) {
          const said = "text" in answer ? answer.text.slice(0, 200) : "";
          // Printed at once too: a run cut short by the test's time limit still shows what it found.
          if (problems.length < 30)
            console.log(
              `fuzz problem on ${database} (seed ${SEED}): #${request.n} ${problem}: ${request.method} ${request.path.slice(0, 200)} [${request.mutation}]`,
            );
          problems.push(
            `#${request.n} ${problem}: ${request.method} ${request.path.slice(0, 200)} as ${request.principal} [${request.mutation}] body ${excerpt(request.body)} → ${said}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    close();
    if (process.env.FUZZ_TIMES)
      console.log(
        Object.entries(slowest)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 25),
      );
    console.log(
      `fuzz on ${database}: ${REQUESTS} requests in ${Date.now() - started} ms, seed ${SEED}, statuses ${JSON.stringify(statuses)}`,
    );
    expect(problems.slice(0, 30), `${problems.length} bad answers; replay with FUZZ_SEED=${SEED}`).toEqual([]);
  }, 420_000);

  it("is still healthy", async () => {
    expect((await app.api.get("/healthz")).status).toBe(200);
    expect((await app.api.get("/api/v1/incidents?limit=1")).status).toBe(200);
  });

  it("stored nothing: every table has the rows it had", async () => {
    expect(await tableSizes(app.db, tables)).toEqual(sizesBefore);
  });
});
