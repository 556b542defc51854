// GET /metrics as Prometheus scrapes it: closed to anyone without METRICS_TOKEN or an admin's API
// token; request durations labelled by route (never by URL), the live event-stream clients, and
// the delivery queue read from the database. And the request log: one JSON line per request,
// with the request id the response carries, and never a token or a cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, databases, startApp, type TestApp } from "../setup/app-server.ts";
import { addConfirmedSubscribers, publishNotifyingUpdate } from "../setup/delivery-helpers.ts";
import { openEventStream } from "../setup/sse-client.ts";

const METRICS_TOKEN = "metrics-scrape-token-7d41c9a0e2b65f38";
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The sample lines of one metric, as "name{labels} value". */
function samples(text: string, name: string): string[] {
  return text.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

function value(text: string, sample: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe.each(databases())("metrics and request logs on %s", (database) => {
  let app: TestApp;
  const scrape = async (token = METRICS_TOKEN) => {
    const response = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    app = await startApp({ database, env: { METRICS_TOKEN, LOG_LEVEL: "info", DELIVERY_WORKER: "off" } });
  }, 60_000);
  afterAll(() => app?.stop());

  it("refuses a scrape without a token, with a wrong one and with a responder's token, all alike (401)", async () => {
    const responder = await app.api.post("/api/v1/tokens", { name: "pager bridge", role: "responder" });
    expect(responder.status).toBe(201);
    const anonymous = await api(app.baseUrl, null).get("/metrics");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized");
    const wrong = await api(app.baseUrl, "not-the-metrics-token-0000000000").get("/metrics");
    expect(wrong.status).toBe(401);
    expect((await api(app.baseUrl, `${METRICS_TOKEN}x`).get("/metrics")).status).toBe(401);
    // a real token without the permission is told nothing a wrong one is not (decision 0028)
    const refused = await api(app.baseUrl, responder.body.token).get("/metrics");
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(wrong.body);
    expect(JSON.stringify(refused.body)).not.toContain("incident_desk_");
  });

  it("serves the Prometheus text format to METRICS_TOKEN and to an admin's API token", async () => {
    const response = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE incident_desk_http_request_duration_seconds histogram");
    expect(text).toContain("# TYPE process_cpu_seconds_total counter");
    expect(await scrape(app.adminToken)).toContain("incident_desk_sse_clients");
  });

  it("labels request durations by route, method and status class, never by the URL's ids", async () => {
    const incidents = (await app.api.get("/api/v1/incidents")).body.incidents as { id: string }[];
    expect(incidents.length).toBeGreaterThan(1);
    for (const incident of incidents.slice(0, 2)) expect((await app.api.get(`/api/v1/incidents/${incident.id}`)).status).toBe(200);
    expect((await app.api.get("/api/v1/incidents/no-such-incident")).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/no/such/page/${"x".repeat(20)}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/api/v2/summary.json`)).status).toBe(200);

    const text = await scrape();
    const count = (labels: string) => value(text, `incident_desk_http_request_duration_seconds_count{${labels}}`);
    expect(count('method="GET",route="routes/api.v1.incidents.$id",status_class="2xx"')).toBe(2);
    expect(count('method="GET",route="routes/api.v1.incidents.$id",status_class="4xx"')).toBe(1);
    expect(count('method="GET",route="unmatched",status_class="4xx"')).toBeGreaterThanOrEqual(1);
    expect(count('method="GET",route="public-snapshot",status_class="2xx"')).toBeGreaterThanOrEqual(1);
    const histogram = samples(text, "incident_desk_http_request_duration_seconds_bucket").join("\n");
    for (const incident of incidents) expect(histogram).not.toContain(incident.id);
    expect(histogram).not.toContain("no-such-incident");
    expect(histogram).not.toContain("xxxxxxxx");
  });

  it("counts the clients of incident event streams, and the requests in flight, while they are connected", async () => {
    const [incident] = (await app.api.get("/api/v1/incidents")).body.incidents as { id: string }[];
    const url = `${app.baseUrl}/api/v1/incidents/${incident.id}/events`;
    const getsInFlight = 'incident_desk_http_requests_in_flight{method="GET"}';
    expect(value(await scrape(), "incident_desk_sse_clients")).toBe(0);
    // The scrape itself is the one GET in flight while it is answered.
    expect(value(await scrape(), getsInFlight)).toBe(1);
    const streams = [await openEventStream(url, { token: app.adminToken }), await openEventStream(url, { token: app.adminToken })];
    await delay(300);
    const open = await scrape();
    expect(value(open, "incident_desk_sse_clients")).toBe(2);
    expect(value(open, getsInFlight)).toBe(3);
    for (const stream of streams) stream.close();
    const deadline = Date.now() + 5_000;
    while (value(await scrape(), "incident_desk_sse_clients") !== 0 && Date.now() < deadline) await delay(100);
    const closed = await scrape();
    expect(value(closed, "incident_desk_sse_clients")).toBe(0);
    expect(value(closed, getsInFlight)).toBe(1);
  });

  it("shows deliveries by state and the queue that is due, as the database holds them", async () => {
    await addConfirmedSubscribers(app.api, `metrics-${database}`, 12);
    await publishNotifyingUpdate(app.api, `Metrics queue ${database}`);
    const text = await scrape();
    const queued = await app.db.count("Delivery", `"state" = 'queued'`);
    const sent = await app.db.count("Delivery", `"state" = 'sent'`);
    expect(queued).toBeGreaterThanOrEqual(12);
    expect(value(text, 'incident_desk_deliveries{state="queued"}')).toBe(queued);
    expect(value(text, 'incident_desk_deliveries{state="sent"}')).toBe(sent);
    expect(value(text, 'incident_desk_deliveries{state="sending"}')).toBe(0);
    expect(value(text, "incident_desk_delivery_queue_due")).toBe(queued);
  });

  it("logs one JSON line per request with the request id it echoes, the route, status and duration", async () => {
    const traced = await fetch(`${app.baseUrl}/api/v1/incidents`, {
      headers: { authorization: `Bearer ${app.adminToken}`, "x-request-id": "lb-7f3a.91:abc" },
    });
    expect(traced.headers.get("x-request-id")).toBe("lb-7f3a.91:abc");
    const odd = await fetch(`${app.baseUrl}/healthz`, { headers: { "x-request-id": 'x" injected=1 <script>' } });
    const replaced = odd.headers.get("x-request-id")!;
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    await delay(200);
    const lines = app
      .logs()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.requestId === "lb-7f3a.91:abc")).toMatchObject({
      msg: "request",
      method: "GET",
      route: "routes/api.v1.incidents",
      status: 200,
      ms: expect.any(Number),
    });
    expect(lines.find((l) => l.requestId === replaced)).toMatchObject({ route: "routes/healthz", status: 200 });
    expect(app.logs()).not.toContain("injected");
  });

  it("never writes an Authorization header, a token or a session cookie to the log", async () => {
    await fetch(`${app.baseUrl}/api/v1/incidents`, {
      headers: { authorization: `Bearer ${app.adminToken}`, cookie: "__session=secret-cookie-value-1234" },
    });
    await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    await fetch(`${app.baseUrl}/api/v1/incidents`, { headers: { authorization: "Bearer idk_wrong-token-never-logged" } });
    await delay(200);
    const logs = app.logs();
    expect(logs).toContain('"route":"metrics"');
    for (const secret of [app.adminToken, METRICS_TOKEN, "secret-cookie-value-1234", "idk_wrong-token-never-logged"])
      expect(logs).not.toContain(secret);
    expect(logs.toLowerCase()).not.toContain("authorization");
  });
});
