// Bodies are bounded while they arrive (decision 0031): a chunked body has no Content-Length to
// refuse up front, so the server counts the bytes as they come, by route class, answers 413 past
// the limit and drops the rest unread into memory. Memory is the server's RSS from /proc.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import { floodPost, keepAsking, rssMb, type Flood } from "../setup/floods.ts";
import { cookieOf } from "./postmortem-fixtures.ts";

const MB = 1024 * 1024;
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const BOUNDARY = "----flood7d1e";

describe.each(databases())("request bodies are bounded while they arrive on %s", (database) => {
  let app: TestApp;
  let admin: string;
  let warmRss: number;

  beforeAll(async () => {
    app = await startApp({ database });
    admin = await cookieOf(app, "admin@northwind.example");
    // Warm the paths up, so the baseline is the server's memory at work, not at rest.
    for (let i = 0; i < 20; i++) {
      for (const path of ["/status", "/login", "/incidents/new", "/admin/subscribers", "/api/v1/incidents"]) {
        await fetch(app.baseUrl + path, { headers: { cookie: admin } }).then((r) => r.arrayBuffer());
      }
    }
    warmRss = rssMb(app.pid);
  });
  afterAll(() => app?.stop());

  const signedIn = () => ({ cookie: admin, origin: app.baseUrl });
  const importHead = (name: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nimport\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
    `Content-Type: text/csv\r\n\r\nemail,confirmed_at\r\n`;
  const routes = (size: number): Record<string, Flood> => ({
    "sign-in": {
      path: "/login",
      totalBytes: size,
      head: "email=flood%40example.com&password=",
      // Sign-in names its origin, as the sign-in page does (decision 0030).
      headers: { ...FORM, origin: app.baseUrl },
    },
    subscribe: { path: "/status/subscribe", totalBytes: size, head: "email=flood-subscriber%40example.com&x=", headers: FORM },
    "signed-in form": {
      path: "/incidents/new",
      totalBytes: size,
      head: "severity=SEV4&title=Flooded+title&summary=",
      headers: { ...FORM, ...signedIn() },
    },
    "CSV import": {
      path: "/admin/subscribers",
      totalBytes: size,
      head: importHead("flood.csv"),
      tail: `\r\n--${BOUNDARY}--\r\n`,
      filler: "x",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...signedIn() },
    },
    "JSON API": {
      path: "/api/v1/incidents",
      totalBytes: size,
      head: '{"severity":"SEV4","title":"Flooded API","summary":"',
      tail: '"}',
      headers: { "content-type": "application/json", authorization: `Bearer ${app.adminToken}` },
    },
  });

  async function storedNothing() {
    expect(await app.db.count("Subscriber", `"email" = ?`, "flood-subscriber@example.com")).toBe(0);
    expect(await app.db.count("Incident", `"title" IN (?, ?)`, "Flooded title", "Flooded API")).toBe(0);
    expect(await app.db.count("Session", `"userId" IN (SELECT "id" FROM "User" WHERE "email" = ?)`, "flood@example.com")).toBe(0);
  }

  it("refuses a chunked body past each route's limit with 413, on public and signed-in routes, the import and the API", async () => {
    // Just past the limit each route sets for itself (64 KB for what anyone may post, 256 KB forms and JSON, 2 MB imports)…
    const justPast: Record<string, number> = {
      "sign-in": 80 * 1024,
      subscribe: 80 * 1024,
      "signed-in form": 300 * 1024,
      "CSV import": 3 * MB,
      "JSON API": 300 * 1024,
    };
    for (const [name, flood] of Object.entries(routes(0))) {
      const outcome = await floodPost(app.baseUrl, { ...flood, totalBytes: justPast[name]! });
      expect(outcome.status, `${name}: ${outcome.body.slice(0, 200)}`).toBe(413);
    }
    // …and far past it, sending on after the answer as an attacker would: the server cuts it off.
    for (const [name, flood] of Object.entries(routes(64 * MB))) {
      const outcome = await floodPost(app.baseUrl, { ...flood, keepSending: true });
      expect(outcome.status, `${name}: ${outcome.body.slice(0, 200)}`).toBe(413);
      expect(outcome.sentBytes, name).toBeLessThan(32 * MB);
    }
    await storedNothing();
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it("answers the API's 413 in its error shape, and a page's as text", async () => {
    const api = await floodPost(app.baseUrl, routes(8 * MB)["JSON API"]!);
    expect(api.status).toBe(413);
    expect(JSON.parse(api.body).error.code).toBe("payload_too_large");
    const page = await floodPost(app.baseUrl, routes(8 * MB)["sign-in"]!);
    expect(page.status).toBe(413);
    expect(page.body).toContain("larger than");
  });

  it("still takes bodies within the limits, chunked or not", async () => {
    // 100 KB of JSON whitespace around a small incident.
    const incident = await floodPost(app.baseUrl, {
      ...routes(0)["JSON API"]!,
      totalBytes: 100 * 1024,
      head: '{"severity":"SEV4","title":"Chunked but fine"',
      tail: "}",
      filler: " ",
    });
    expect(incident.status, incident.body).toBe(201);
    const csv = "email,confirmed_at\nchunked-import@example.com,2026-01-05T10:00:00Z\n";
    const imported = await floodPost(app.baseUrl, {
      ...routes(0)["CSV import"]!,
      head: importHead("ok.csv").replace("email,confirmed_at\r\n", csv),
      totalBytes: 0,
      filler: "",
    });
    expect(imported.status, imported.body.slice(0, 300)).toBe(200);
    expect(await app.db.count("Subscriber", `"email" = ?`, "chunked-import@example.com")).toBe(1);
    const subscribed = await fetch(`${app.baseUrl}/status/subscribe`, {
      method: "POST",
      headers: FORM,
      body: "email=within-limits%40example.com",
    });
    expect(subscribed.status).toBe(200);
  });

  it("acts on no body whose client went away before its end, though what arrived parses", async () => {
    const cutOff = (path: string, headers: Record<string, string>, firstChunk: string) =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect(Number(new URL(app.baseUrl).port), "127.0.0.1", () => {
          const lines = Object.entries({ host: new URL(app.baseUrl).host, ...headers, "transfer-encoding": "chunked" }).map(
            ([k, v]) => `${k}: ${v}`,
          );
          const chunk = Buffer.from(firstChunk);
          socket.write(`POST ${path} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n${chunk.length.toString(16)}\r\n${firstChunk}\r\n`);
          // The last chunk never comes: the client is gone.
          setTimeout(() => (socket.destroy(), resolve()), 300);
        });
        socket.on("error", reject);
      });
    await cutOff(
      "/api/v1/incidents",
      { authorization: `Bearer ${app.adminToken}`, "content-type": "application/json" },
      '{"severity":"SEV4","title":"Cut off API"}',
    );
    await cutOff("/incidents/new", { ...FORM, ...signedIn() }, "severity=SEV4&title=Cut+off+form");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await app.db.count("Incident", `"title" IN (?, ?)`, "Cut off API", "Cut off form")).toBe(0);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it("keeps its memory within 50 MB under three simultaneous 300 MB chunked posts to /login, and /status keeps answering", async () => {
    const before = rssMb(app.pid);
    const status = keepAsking(app.baseUrl, "/status");
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, rssMb(app.pid))), 50);
    const floods = await Promise.all([0, 1, 2].map(() => floodPost(app.baseUrl, { ...routes(300 * MB)["sign-in"]!, keepSending: true })));
    clearInterval(watch);
    const asked = await status.stop();
    const after = rssMb(app.pid);
    console.info(
      `3 x 300 MB to /login on ${database}: RSS ${before.toFixed(0)} MB before (warm ${warmRss.toFixed(0)}), peak ${peak.toFixed(
        0,
      )}, after ${after.toFixed(0)}; sent ${floods.map((f) => (f.sentBytes / MB).toFixed(1)).join(", ")} MB; /status asked ${
        asked.asked
      } times, slowest ${asked.slowestMs} ms`,
    );
    for (const flood of floods) expect(flood.status).toBe(413);
    expect(peak - before).toBeLessThan(50);
    expect(asked.failures).toEqual([]);
    expect(asked.asked).toBeGreaterThan(0);
    expect(asked.slowestMs).toBeLessThan(5_000);
    await storedNothing();
  });
});
