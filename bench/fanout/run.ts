// bench/fanout: 100,000 subscribers and one published update. How long does the publish call
// take (the notices are queued in its transaction; goal < 2 s), and how close does sending
// come to the provider's allowance (a Resend stand-in allowing 5 requests of 100 emails a
// second; goal ≥ 95% of 500 emails/s)? Run on purpose, not by `npm test`:
//
//   node --import tsx bench/fanout/run.ts [--db sqlite|postgres] [--subscribers 100000]
//
// It builds the app into .build-bench-fanout if missing, starts it with a fresh database
// (demo data loads at first start), seeds the subscribers, publishes through the API and
// watches the stand-in until every notice arrived exactly once.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBenchPostgres } from "../shared/postgres-database.ts";
import { ADMIN_TOKEN, REPO_ROOT, spawnApp } from "../../tests/setup/app-process.ts";
import { startResendStandIn } from "../../tests/setup/resend-stand-in.ts";
import { seedSubscribers } from "./seed.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    subscribers: { type: "string", default: "100000" },
    "requests-per-second": { type: "string", default: "5" },
    "pg-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/test" },
  },
});
const COUNT = Number(values.subscribers);
const RATE = Number(values["requests-per-second"]);
const buildDir = process.env.TEST_BUILD_DIR ?? ".build-bench-fanout";
const log = (message: string) => console.log(`[bench:fanout] ${message}`);

async function database(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (values.db === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-fanout-"));
    return { url: `file:${path.join(dir, "app.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  return createBenchPostgres(values["pg-url"]!, "bench_fanout");
}

async function api(baseUrl: string, method: string, route: string, body?: unknown) {
  const res = await fetch(baseUrl + route, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

async function main() {
  process.env.TEST_BUILD_DIR = buildDir;
  if (!existsSync(path.join(REPO_ROOT, buildDir, "server/index.js"))) {
    execFileSync("npx", ["remix", "vite:build"], { cwd: REPO_ROOT, env: { ...process.env, BUILD_DIR: buildDir }, stdio: "inherit" });
  }
  const standIn = await startResendStandIn({ requestsPerSecond: RATE });
  const db = await database();
  const env = {
    BUILD_DIR: buildDir,
    DATABASE_URL: db.url,
    BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
    RESEND_API_KEY: standIn.apiKey,
    RESEND_BASE_URL: standIn.url,
    EMAIL_REQUESTS_PER_SECOND: String(RATE),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
  };
  let app = await spawnApp(env);
  try {
    // Seed with the app stopped (SQLite has one writer), then start it again on the same database.
    await app.stop();
    const seedMs = await seedSubscribers(db.url, COUNT);
    log(`seeded ${COUNT} confirmed subscribers in ${Math.round(seedMs)} ms`);
    app = await spawnApp(env);
    const incident = await api(app.baseUrl, "POST", "/api/v1/incidents", { title: "Fan-out drill", severity: "SEV3" });
    const started = performance.now();
    const published = await api(app.baseUrl, "POST", `/api/v1/incidents/${incident.json.incident.id}/updates`, {
      status: "investigating",
      body: "We are looking into elevated error rates.",
      publish: true,
    });
    const publishMs = performance.now() - started;
    if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.json)}`);
    log(`publish call returned in ${Math.round(publishMs)} ms (goal < 2000)`);

    const updateId = published.json.update.id as string;
    // Counted incrementally: scanning 100,000 records every poll would stall the stand-in,
    // which shares this process, and bunch its requests.
    const prefix = `update/${updateId}/`;
    let scanned = 0;
    let count = 0;
    const countMine = () => {
      for (; scanned < standIn.received.length; scanned++) if (standIn.received[scanned].idempotencyKey?.startsWith(prefix)) count++;
      return count;
    };
    let first = 0;
    const deadline = Date.now() + (COUNT / (RATE * 100)) * 1000 * 3 + 60_000;
    while (countMine() < COUNT && Date.now() < deadline) {
      if (!first && count) first = performance.now();
      await new Promise((r) => setTimeout(r, 20));
    }
    const last = performance.now();
    const got = standIn.received.filter((e) => e.idempotencyKey?.startsWith(prefix));
    const unique = new Set(got.flatMap((e) => e.to)).size;
    const seconds = (last - (first || last)) / 1000;
    const rate = got.length / Math.max(seconds, 0.001);
    const allowed = RATE * 100;
    log(
      `received ${got.length} notices (${unique} distinct addresses) in ${seconds.toFixed(1)} s: ${Math.round(rate)} emails/s = ${((rate / allowed) * 100).toFixed(1)}% of the ${allowed}/s allowed (goal ≥ 95%)`,
    );
    log(
      `stand-in: ${standIn.stats.requests} requests, ${standIn.stats.rateLimited} answered 429, largest batch ${standIn.stats.largestBatch}`,
    );
    const result = {
      db: values.db,
      subscribers: COUNT,
      publishMs: Math.round(publishMs),
      seconds,
      emailsPerSecond: Math.round(rate),
      ofAllowance: rate / allowed,
      received: got.length,
      distinct: unique,
      rateLimited: standIn.stats.rateLimited,
      at: new Date().toISOString(),
    };
    writeFileSync(path.join(REPO_ROOT, `bench/fanout/results-${values.db}.json`), `${JSON.stringify(result, null, 2)}\n`);
    if (got.length !== COUNT || unique !== COUNT) process.exitCode = 1;
  } finally {
    if (process.env.BENCH_LOG_LEVEL) console.log(app.logs().split("\n").slice(-40).join("\n"));
    await app.stop();
    await standIn.close();
    await db.drop();
  }
}

await main();
