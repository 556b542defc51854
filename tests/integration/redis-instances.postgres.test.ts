// Two instances on one Postgres database sharing Redis (REDIS_URL, decision 0049), behind the
// shipped deploy/nginx.conf with round-robin everywhere, /collab included (no hash, no sticky
// cookie): the sign-in limits count across both, and two people editing one post-mortem through
// different instances see each other type and their carets live. Then /healthz while Redis is
// gone, and what an instance on Postgres without Redis says in its log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, startApp, type Api, type TestApp } from "../setup/app-server.ts";
import { collaborate, docText, signIn, waitFor, type Collaborator } from "../setup/collab-client.ts";
import { startNginx, type Nginx } from "../setup/nginx.ts";
import { emptyRedisDatabase, startOwnRedis, type OwnRedis } from "../setup/redis.ts";
import { EventStreamError, openEventStream } from "../setup/sse-client.ts";

const LIVE_WITHIN_MS = 1_000;
const portOf = (app: TestApp) => Number(new URL(app.baseUrl).port);
const connectedOn = (app: TestApp) =>
  app
    .logs()
    .split("\n")
    .filter((line) => line.includes('"collaborator connected"')).length;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function failedSignIn(baseUrl: string, email: string, password = "not the password") {
  return fetch(`${baseUrl}/login`, { method: "POST", body: new URLSearchParams({ email, password }), redirect: "manual" });
}

/** Resolves with the ms from now until `text` is in `section` of `collaborator`'s copy (checked on every update). */
function seenBy(collaborator: Collaborator, section: string, text: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!docText(collaborator.doc, section).includes(text)) return;
      collaborator.doc.off("update", check);
      clearTimeout(timer);
      resolve(performance.now() - started);
    };
    const timer = setTimeout(() => (collaborator.doc.off("update", check), reject(new Error(`"${text}" not seen within 5 s`))), 5_000);
    collaborator.doc.on("update", check);
  });
}

describe("two instances sharing Redis behind nginx round-robin", () => {
  let first: TestApp;
  let second: TestApp;
  let nginx: Nginx;
  let viaNginx: Api;

  beforeAll(async () => {
    const env = { TRUST_PROXY: "1", REDIS_URL: await emptyRedisDatabase(), LOG_LEVEL: "info", EVENT_STREAMS_PER_TOKEN: "2" };
    first = await startApp({ database: "postgres", env });
    second = await startApp({ database: "postgres", databaseUrl: first.databaseUrl, env });
    nginx = await startNginx([portOf(first), portOf(second)], { collabRoundRobin: true });
    viaNginx = api(nginx.baseUrl, first.adminToken);
  });
  afterAll(async () => {
    await nginx?.stop();
    await second?.stop();
    await first?.stop();
  });

  it("refuses the eleventh sign-in after ten failures spread over both instances", async () => {
    const email = "comms@northwind.example";
    const servedBy = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const failed = await failedSignIn(nginx.baseUrl, email);
      expect(failed.status).toBe(422);
      servedBy.add(failed.headers.get("x-upstream") ?? "none");
    }
    expect(servedBy.size).toBe(2);
    // the right password now, on each instance in turn
    for (let i = 0; i < 2; i++) {
      const refused = await failedSignIn(nginx.baseUrl, email, "demo-password-2026");
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain("Too many failed sign-ins for this account.");
    }
    // another account is not locked by this one
    expect((await failedSignIn(nginx.baseUrl, "kenji.tanaka@northwind.example", "demo-password-2026")).status).toBe(302);
  });

  it("counts one API token's open event streams across both instances, and a closed one frees a place on either", async () => {
    const incident = (await viaNginx.post("/api/v1/incidents", { title: "Streams on two instances", severity: "SEV3" })).body.incident;
    const url = (app: TestApp) => `${app.baseUrl}/api/v1/incidents/${incident.id}/events`;
    const onFirst = await openEventStream(url(first), { token: first.adminToken });
    const onSecond = await openEventStream(url(second), { token: first.adminToken });
    try {
      const third = await openEventStream(url(first), { token: first.adminToken }).catch((error: unknown) => error);
      expect(third).toBeInstanceOf(EventStreamError);
      expect((third as EventStreamError).status).toBe(429);
      onSecond.close();
      const again = await waitFor(
        () => openEventStream(url(first), { token: first.adminToken }).catch((error: unknown) => error),
        (opened) => !(opened instanceof EventStreamError),
        "the place the second instance gave back",
        5_000,
      );
      (again as { close(): void }).close();
    } finally {
      onFirst.close();
      onSecond.close();
    }
  });

  it("shows each person's typing and caret to the other when they edit one post-mortem through different instances", async () => {
    const incident = (await viaNginx.post("/api/v1/incidents", { title: "Cache stampede after deploy", severity: "SEV2" })).body.incident;
    expect((await viaNginx.patch(`/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    const postmortemId = (await viaNginx.post(`/api/v1/incidents/${incident.id}/postmortem`)).body.postmortem.id as string;
    const dana = await signIn(nginx.baseUrl, "responder@northwind.example");
    const kenji = await signIn(nginx.baseUrl, "kenji.tanaka@northwind.example");
    const before = [connectedOn(first), connectedOn(second)];
    const a = collaborate(nginx.baseUrl, postmortemId, dana);
    await a.synced();
    const b = collaborate(nginx.baseUrl, postmortemId, kenji);
    try {
      await b.synced();
      // round-robin put them on different instances
      expect([connectedOn(first) - before[0], connectedOn(second) - before[1]]).toEqual([1, 1]);

      a.provider.setAwarenessField("user", { name: "Dana Whitfield", color: "#d9480f" });
      b.provider.setAwarenessField("user", { name: "Kenji Tanaka", color: "#1971c2" });
      const names = (c: Collaborator) =>
        [...c.provider.awareness!.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
      await waitFor(
        () => names(b),
        (seen) => seen.includes("Dana Whitfield"),
        "Kenji to see Dana's caret",
        3_000,
      );
      await waitFor(
        () => names(a),
        (seen) => seen.includes("Kenji Tanaka"),
        "Dana to see Kenji's caret",
        3_000,
      );

      const figures: number[] = [];
      for (let i = 0; i < 6; i++) {
        const [writer, reader] = i % 2 ? [b, a] : [a, b];
        const sentence = `Line ${i}: the cache refilled from the database at once.`;
        const seen = seenBy(reader, "root_cause", sentence);
        writer.write("root_cause", sentence);
        figures.push(await seen);
      }
      figures.sort((x, y) => x - y);
      console.log(
        `typed change seen on the other instance: median ${figures[3].toFixed(1)} ms, max ${figures[5].toFixed(1)} ms (6 changes)`,
      );
      expect(figures[5]).toBeLessThan(LIVE_WITHIN_MS);
      expect(docText(a.doc, "root_cause")).toBe(docText(b.doc, "root_cause"));
    } finally {
      a.destroy();
      b.destroy();
    }
    // and what both typed is stored once
    const rootCause = async () =>
      String(
        ((await viaNginx.get(`/api/v1/postmortems/${postmortemId}`)).body.postmortem.sections as { key: string; markdown: string }[]).find(
          (s) => s.key === "root_cause",
        )?.markdown,
      );
    const stored = await waitFor(rootCause, (markdown) => markdown.includes("Line 5:"), "the section to be stored", 15_000);
    for (let i = 0; i < 6; i++) expect(stored.split(`Line ${i}:`).length - 1).toBe(1);
  });
});

const METRICS_TOKEN = "itest-metrics-token-redis-0123456789";

describe("an instance whose Redis goes away", () => {
  let redis: OwnRedis;
  let app: TestApp;

  beforeAll(async () => {
    redis = await startOwnRedis();
    app = await startApp({ database: "postgres", env: { REDIS_URL: redis.url, METRICS_TOKEN } });
  });
  afterAll(async () => {
    await app?.stop();
    await redis?.stop();
  });

  it("answers /healthz 503 while Redis does not answer, keeps live editing and limiting sign-ins within the instance, and recovers by itself", async () => {
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    await redis.stop();
    const down = await waitFor(
      () => fetch(`${app.baseUrl}/healthz`),
      (r) => r.status === 503,
      "/healthz to say 503",
      5_000,
    );
    expect(await down.json()).toMatchObject({ error: { message: "Redis (REDIS_URL) does not answer." } });

    // post-mortems still open for live editing on this instance
    const incident = (await app.api.post("/api/v1/incidents", { title: "Edited while Redis is away", severity: "SEV3" })).body.incident;
    expect((await app.api.patch(`/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    const postmortemId = (await app.api.post(`/api/v1/incidents/${incident.id}/postmortem`)).body.postmortem.id as string;
    const cookie = await signIn(app.baseUrl, "responder@northwind.example");
    const [a, b] = [collaborate(app.baseUrl, postmortemId, cookie), collaborate(app.baseUrl, postmortemId, cookie)];
    try {
      await a.synced();
      await b.synced();
      const seen = seenBy(b, "root_cause", "Written while Redis was down.");
      a.write("root_cause", "Written while Redis was down.");
      await seen;
      expect(app.logs()).toContain("this post-mortem is shared within this instance until it does");
    } finally {
      a.destroy();
      b.destroy();
    }

    for (let i = 0; i < 10; i++) expect((await failedSignIn(app.baseUrl, "comms@northwind.example")).status).toBe(422);
    expect((await failedSignIn(app.baseUrl, "comms@northwind.example", "demo-password-2026")).status).toBe(429);
    expect(app.logs().match(/rate limits cannot reach Redis/g)).toHaveLength(1);
    const metrics = await (await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(Number(/^incident_desk_limit_store_fallbacks_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(22);

    await redis.start();
    const startedAgain = performance.now();
    await waitFor(
      () => fetch(`${app.baseUrl}/healthz`).then((r) => r.status),
      (status) => status === 200,
      "/healthz to recover",
      10_000,
    );
    console.log(`/healthz answered 200 again ${(performance.now() - startedAgain).toFixed(0)} ms after Redis returned`);
    await delay(100);
    expect(app.logs()).not.toMatch(/"level":60/);
  });
});

describe("an instance on Postgres without Redis", () => {
  let app: TestApp;
  beforeAll(async () => (app = await startApp({ database: "postgres" })));
  afterAll(async () => app?.stop());

  it("says once in its log what several instances cannot share", async () => {
    await fetch(`${app.baseUrl}/healthz`);
    const lines = app
      .logs()
      .split("\n")
      .filter((line) => line.includes("REDIS_URL is not set"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("live editing of post-mortems");
    expect(lines[0]).toContain("rate limits");
  });
});
