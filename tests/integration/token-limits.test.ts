// Limits everywhere a token is guessed (issue 13, item 9): wrong tokens on /metrics and /collab
// count in the API's limit, per address, so a guess is confirmed no faster there; /metrics answers
// a real token without the permission exactly as a wrong one. And event streams are capped per
// session, per token and per address (429 with Retry-After). The app runs behind a "proxy"
// (TRUST_PROXY=1), so each test comes from an address of its own (X-Forwarded-For).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { collaborate, upgradeStatus, type Collaborator } from "../setup/collab-client.ts";
import { EventStreamError, openEventStream, type EventStreamClient } from "../setup/sse-client.ts";
import { newPostmortem, signInAs } from "./people.ts";

const METRICS_TOKEN = "metrics-scrape-token-token-limits-01";
/** The default: TOKEN_FAILURES_PER_IP. */
const LIMIT = 30;
const STREAMS = { session: 2, token: 3, address: 5 };

describe.each(databases())("limits on guessing tokens and on open streams on %s", (database) => {
  let app: TestApp;
  let postmortemId: string;
  let incidentId: string;
  let nextAddress = 10;
  const open: { close(): void }[] = [];
  const newAddress = () => `198.51.100.${nextAddress++}`;

  beforeAll(async () => {
    app = await startApp({
      database,
      env: {
        TRUST_PROXY: "1",
        METRICS_TOKEN,
        RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from("a webhook secret of the limits test").toString("base64")}`,
        EVENT_STREAMS_PER_SESSION: String(STREAMS.session),
        EVENT_STREAMS_PER_TOKEN: String(STREAMS.token),
        EVENT_STREAMS_PER_IP: String(STREAMS.address),
      },
    });
    postmortemId = await newPostmortem(app);
    incidentId = (await app.api.get("/api/v1/incidents?limit=1")).body.incidents[0].id;
  }, 180_000);
  afterAll(async () => {
    for (const o of open) o.close();
    await app?.stop();
  });

  const scrape = (token: string, from: string) =>
    fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": from } });
  const apiFrom = (token: string, from: string) =>
    fetch(`${app.baseUrl}/api/v1/incidents?limit=1`, { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": from } });
  /** A websocket with a token and no session, as a script would open one; resolves with the server's answer. */
  async function collabWith(token: string, from: string): Promise<string> {
    const c: Collaborator = collaborate(app.baseUrl, postmortemId, null, token, { "x-forwarded-for": from });
    try {
      return await c.scope;
    } finally {
      c.destroy();
    }
  }

  it(`answers the ${
    LIMIT + 1
  }st wrong token on /metrics with 429 and Retry-After, like the API, and the API from that address too`, async () => {
    const from = newAddress();
    for (let i = 0; i < LIMIT; i++) expect((await scrape(`idk_guess-${i}-0000000000000000`, from)).status, `guess ${i}`).toBe(401);
    const limited = await scrape("idk_one-more-guess-000000000000", from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    // even the right tokens, while the address is limited (as the API does)
    expect((await scrape(METRICS_TOKEN, from)).status).toBe(429);
    expect((await apiFrom(app.adminToken, from)).status).toBe(429);
    // another address is not held back
    expect((await scrape(METRICS_TOKEN, newAddress())).status).toBe(200);
  });

  it(`refuses the upgrade after ${LIMIT} wrong tokens on /collab with 429, and the API from that address too`, async () => {
    const from = newAddress();
    for (let i = 0; i < LIMIT; i++)
      expect(await collabWith(`idk_collab-guess-${i}-00000000000`, from), `guess ${i}`).toBe("refused: sign-in-required");
    expect(await upgradeStatus(`${app.baseUrl}/collab?postmortem=${postmortemId}`, { "x-forwarded-for": from })).toBe(429);
    expect((await apiFrom(app.adminToken, from)).status).toBe(429);
  });

  it("counts wrong tokens on /metrics, /collab and the API together, per address", async () => {
    const from = newAddress();
    for (let i = 0; i < LIMIT / 3; i++) {
      expect((await scrape(`idk_mixed-metrics-${i}-000000000`, from)).status).toBe(401);
      expect(await collabWith(`idk_mixed-collab-${i}-0000000000`, from)).toBe("refused: sign-in-required");
      expect((await apiFrom(`idk_mixed-api-${i}-0000000000000`, from)).status).toBe(401);
    }
    expect((await scrape(METRICS_TOKEN, from)).status).toBe(429);
    expect((await apiFrom(app.adminToken, from)).status).toBe(429);
    expect(await upgradeStatus(`${app.baseUrl}/collab?postmortem=${postmortemId}`, { "x-forwarded-for": from })).toBe(429);
    // a token sent inside the socket (past the upgrade with some cookie) is refused unread
    const sneaky = collaborate(app.baseUrl, postmortemId, "__session=not-a-session-of-ours", app.adminToken, { "x-forwarded-for": from });
    open.push({ close: () => sneaky.destroy() });
    expect(await sneaky.scope).toBe("refused: rate-limited");
    // a person with a session is not held back by the address
    const cookie = await signInAs(app, "viewer@northwind.example");
    const viaSession = collaborate(app.baseUrl, postmortemId, cookie, undefined, { "x-forwarded-for": from });
    open.push({ close: () => viaSession.destroy() });
    expect(await viaSession.scope).toBe("readonly");
  });

  it("counts a wrong signature on the email-event webhook as a wrong token: the 31st is 429, the API from there too", async () => {
    const from = newAddress();
    const forge = (i: number) =>
      fetch(`${app.baseUrl}/api/v1/email-events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": from,
          "svix-id": `msg_${i}`,
          "svix-timestamp": String(Math.floor(Date.now() / 1000)),
          "svix-signature": `v1,${Buffer.from(`guess ${i}`).toString("base64")}`,
        },
        body: JSON.stringify({ type: "email.bounced", created_at: new Date().toISOString(), data: {} }),
      });
    for (let i = 0; i < LIMIT; i++) expect((await forge(i)).status, `guess ${i}`).toBe(401);
    const limited = await forge(LIMIT);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await apiFrom(app.adminToken, from)).status).toBe(429);
  });

  it("answers a real token without the permission on /metrics exactly as a wrong one, and counts it", async () => {
    const viewer = (await app.api.post("/api/v1/tokens", { name: "metrics guesser", role: "viewer" })).body.token;
    const from = newAddress();
    const [real, wrong] = [await scrape(viewer, from), await scrape("idk_not-a-real-token-00000000000", from)];
    expect(real.status).toBe(wrong.status);
    expect(Object.fromEntries(real.headers)).toMatchObject({
      "content-type": wrong.headers.get("content-type"),
      "www-authenticate": wrong.headers.get("www-authenticate"),
      "cache-control": wrong.headers.get("cache-control"),
    });
    expect(await real.text()).toBe(await wrong.text());
    for (let i = 2; i < LIMIT; i++) expect((await scrape(viewer, from)).status).toBe(401);
    expect((await scrape(viewer, from)).status).toBe(429);
  });

  async function streamAs(auth: { token?: string; cookie?: string }, from: string): Promise<EventStreamClient> {
    const headers = { "x-forwarded-for": from, ...(auth.cookie ? { cookie: auth.cookie } : {}) };
    const stream = await openEventStream(`${app.baseUrl}/api/v1/incidents/${incidentId}/events`, { token: auth.token, headers });
    open.push(stream);
    return stream;
  }
  async function refusedStream(auth: { token?: string; cookie?: string }, from: string) {
    const refused = await streamAs(auth, from).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EventStreamError);
    expect((refused as EventStreamError).status).toBe(429);
    expect(JSON.parse((refused as EventStreamError).body).error.code).toBe("rate_limited");
  }
  const retryAfterOfNextStream = async (auth: { token?: string; cookie?: string }, from: string) => {
    const response = await fetch(`${app.baseUrl}/api/v1/incidents/${incidentId}/events`, {
      headers: {
        "x-forwarded-for": from,
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
      },
    });
    await response.body?.cancel();
    return { status: response.status, retryAfter: Number(response.headers.get("retry-after")) };
  };

  it(`caps event streams at ${STREAMS.session} per session: one more is 429 with Retry-After; a closed one frees its place`, async () => {
    const cookie = await signInAs(app, "responder@northwind.example");
    const from = newAddress();
    const streams = [await streamAs({ cookie }, from), await streamAs({ cookie }, from)];
    const next = await retryAfterOfNextStream({ cookie }, from);
    expect(next.status).toBe(429);
    expect(next.retryAfter).toBeGreaterThan(0);
    // another session of the same person has places of its own
    await streamAs({ cookie: await signInAs(app, "responder@northwind.example") }, from);
    streams[0].close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await streamAs({ cookie }, from);
  });

  it(`caps event streams at ${STREAMS.token} per token`, async () => {
    const token = (await app.api.post("/api/v1/tokens", { name: "stream hog", role: "viewer" })).body.token;
    const from = newAddress();
    for (let i = 0; i < STREAMS.token; i++) await streamAs({ token }, from);
    await refusedStream({ token }, from);
  });

  it(`caps event streams at ${STREAMS.address} per address, whatever sessions and tokens they use`, async () => {
    const from = newAddress();
    const tokens = await Promise.all(
      [1, 2, 3].map(async (i) => (await app.api.post("/api/v1/tokens", { name: `address hog ${i}`, role: "viewer" })).body.token),
    );
    for (let i = 0; i < STREAMS.address; i++) await streamAs({ token: tokens[i % 3] }, from);
    await refusedStream({ token: tokens[2] }, from);
    await refusedStream({ cookie: await signInAs(app, "comms@northwind.example") }, from);
    // the same token from elsewhere is within its own cap
    expect((await streamAs({ token: tokens[2] }, newAddress())).closed).toBe(false);
  });
});
