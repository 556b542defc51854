// bench/postmortem: one resolved SEV1 with 5,000 timeline entries, 20 published updates and
// 10 impact windows. How long does generating its post-mortem take (goal < 500 ms), and how
// long does the server take to answer its leadership page (goal < 300 ms)? Run on purpose:
//
//   node --import tsx bench/postmortem/run.ts [--db sqlite|postgres] [--entries 5000] [--runs 30]
//
// It builds the app into .build-bench-postmortem if missing, starts it on a fresh database
// (migrations and demo data), stops it, seeds the incident through Prisma, times
// createPostmortem in this process (with a breakdown, and a CPU profile with --cpu-prof), then
// starts the app again and times POST /api/v1/incidents/:id/postmortem and the pages through
// HTTP, taking the server's own time for each request from its request log.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ADMIN_TOKEN, REPO_ROOT, spawnApp, type AppProcess } from "../../tests/setup/app-process.ts";
import { createBenchPostgres } from "../shared/postgres-database.ts";
import { profile, type ProfileSummary } from "./profile.ts";
import { openDatabase, seedLargeIncident } from "./seed.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    entries: { type: "string", default: "5000" },
    updates: { type: "string", default: "20" },
    windows: { type: "string", default: "10" },
    runs: { type: "string", default: "30" },
    "page-runs": { type: "string", default: "50" },
    "cpu-prof": { type: "boolean", default: false },
    "pg-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/test" },
  },
});
const RUNS = Number(values.runs);
const PAGE_RUNS = Number(values["page-runs"]);
const WARMUP = 3;
const GOALS = { generate: 500, page: 300 };
const buildDir = process.env.TEST_BUILD_DIR ?? ".build-bench-postmortem";
const log = (message: string) => console.log(`[bench:postmortem] ${message}`);

type Stats = { n: number; median: number; p95: number; min: number; max: number };
function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const r = (n: number) => Math.round(n * 10) / 10;
  return { n: s.length, median: r(at(0.5)), p95: r(at(0.95)), min: r(s[0]), max: r(s[s.length - 1]) };
}

async function database(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (values.db === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-postmortem-"));
    return { url: `file:${path.join(dir, "app.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  return createBenchPostgres(values["pg-url"]!, "bench_postmortem");
}

/** The server's own time for each request this benchmark tagged with `x-request-id: <prefix>…`. */
async function serverTimes(app: AppProcess, prefix: string): Promise<number[]> {
  await new Promise((resolve) => setTimeout(resolve, 300)); // the last request's log line may still be on its way
  return app
    .logs()
    .split("\n")
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; requestId?: string; ms?: number };
        return entry.msg === "request" && entry.requestId?.startsWith(prefix) && typeof entry.ms === "number" ? [entry.ms] : [];
      } catch {
        return [];
      }
    });
}

async function timed(app: AppProcess, method: string, route: string, requestId: string, expect: number): Promise<number> {
  const started = performance.now();
  const res = await fetch(app.baseUrl + route, { method, headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "x-request-id": requestId } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== expect) throw new Error(`${method} ${route}: ${res.status} ${body.slice(0, 300)}`);
  return ms;
}

async function main() {
  process.env.TEST_BUILD_DIR = buildDir;
  if (!existsSync(path.join(REPO_ROOT, buildDir, "server/index.js"))) {
    execFileSync("npx", ["remix", "vite:build"], { cwd: REPO_ROOT, env: { ...process.env, BUILD_DIR: buildDir }, stdio: "inherit" });
  }
  const db = await database();
  // info: the request log line carries the server's time per request (requests are few here).
  const env = { BUILD_DIR: buildDir, DATABASE_URL: db.url, BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: "info", DELIVERY_WORKER: "off" };
  let app = await spawnApp(env);
  const bench = openDatabase(db.url);
  try {
    await app.stop(); // migrated, demo data loaded; seed with nobody else writing
    const seedStarted = performance.now();
    const seeded = await seedLargeIncident(bench, {
      entries: Number(values.entries),
      updates: Number(values.updates),
      windows: Number(values.windows),
    });
    log(
      `seeded ${seeded.ref}: ${values.entries} entries, ${values.updates} updates, ${values.windows} impact windows in ${Math.round(performance.now() - seedStarted)} ms`,
    );

    // In this process: the app's own modules on the same database.
    process.env.DATABASE_URL = db.url;
    process.env.LOG_LEVEL = "warn";
    const { createPostmortem, requirePostmortem } = await import("../../app/modules/postmortems/postmortems.server.ts");
    const { loadSource } = await import("../../app/modules/postmortems/source.server.ts");
    const { generateSections } = await import("../../app/modules/postmortems/generate.ts");
    const { db: appDb } = await import("../../app/utils/db.server.ts");
    const admin = await bench.user.findUniqueOrThrow({ where: { id: seeded.adminId } });
    const actor = {
      userId: admin.id,
      name: admin.name,
      email: admin.email,
      role: "admin" as const,
      timeZone: admin.timeZone,
      tokenId: null,
      sessionId: null,
    };
    const generateOnce = async () => {
      const started = performance.now();
      const view = await createPostmortem(actor, seeded.incidentId);
      const ms = performance.now() - started;
      await bench.postmortem.delete({ where: { id: view.id } });
      return ms;
    };
    const inProcess: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const ms = await generateOnce();
      if (i >= WARMUP) inProcess.push(ms);
    }
    // The parts, each timed on its own: reading the source, rendering the sections, reading back.
    const parts = { load: [] as number[], render: [] as number[], readBack: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const source = (await appDb.$transaction((tx) => loadSource(tx, seeded.incidentId)))!;
      parts.load.push(performance.now() - t);
      t = performance.now();
      generateSections(source, { zone: actor.timeZone });
      parts.render.push(performance.now() - t);
    }
    const kept = await createPostmortem(actor, seeded.incidentId);
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await requirePostmortem(kept.id);
      parts.readBack.push(performance.now() - t);
    }
    await bench.postmortem.delete({ where: { id: kept.id } });
    let cpu: ProfileSummary | null = null;
    if (values["cpu-prof"]) cpu = await profile(RUNS, async () => void (await generateOnce()));
    await appDb.$disconnect();

    // Through HTTP, on the app: generation, then the leadership page and its Markdown.
    app = await spawnApp(env);
    const generateRoundTrip: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      await bench.postmortem.deleteMany({ where: { incidentId: seeded.incidentId } });
      const ms = await timed(app, "POST", `/api/v1/incidents/${seeded.incidentId}/postmortem`, `gen-${i}`, 201);
      if (i >= WARMUP) generateRoundTrip.push(ms);
    }
    const generateServer = (await serverTimes(app, "gen-")).slice(WARMUP);
    const { id: postmortemId } = await bench.postmortem.findUniqueOrThrow({
      where: { incidentId: seeded.incidentId },
      select: { id: true },
    });
    const pages: Record<string, { roundTrip: number[]; server: number[] }> = {};
    for (const [name, route] of [
      ["page", `/postmortems/${postmortemId}`],
      ["markdown", `/postmortems/${postmortemId}.md`],
      ["list", "/postmortems"],
    ] as const) {
      const roundTrip: number[] = [];
      for (let i = 0; i < 5 + PAGE_RUNS; i++) {
        const ms = await timed(app, "GET", route, `${name}-${i}`, 200);
        if (i >= 5) roundTrip.push(ms);
      }
      pages[name] = { roundTrip, server: (await serverTimes(app, `${name}-`)).slice(5) };
    }

    const rows = [
      { what: "createPostmortem, in process", ...stats(inProcess), goal: GOALS.generate },
      { what: "  part: load source (entries, updates, windows)", ...stats(parts.load), goal: null },
      { what: "  part: render sections (liquid + Markdown → doc)", ...stats(parts.render), goal: null },
      { what: "  part: read the post-mortem back", ...stats(parts.readBack), goal: null },
      { what: "POST /api/v1/incidents/:id/postmortem, server", ...stats(generateServer), goal: GOALS.generate },
      { what: "POST …/postmortem, round trip", ...stats(generateRoundTrip), goal: null },
      { what: "GET /postmortems/:id (leadership page), server", ...stats(pages.page.server), goal: GOALS.page },
      { what: "GET /postmortems/:id, round trip", ...stats(pages.page.roundTrip), goal: null },
      { what: "GET /postmortems/:id.md, server", ...stats(pages.markdown.server), goal: null },
      { what: "GET /postmortems (list), server", ...stats(pages.list.server), goal: null },
    ];
    const load = loadavg().map((n) => Math.round(n * 100) / 100);
    console.log(
      `\nbench/postmortem on ${values.db}: ${values.entries} entries, ${values.updates} updates, ${values.windows} windows; ms over ${RUNS} (generation) and ${PAGE_RUNS} (pages) runs; load average ${load.join(" ")}\n`,
    );
    console.log(`| measured | n | median | p95 | min | max | goal |\n| --- | --: | --: | --: | --: | --: | --: |`);
    for (const r of rows)
      console.log(
        `| ${r.what} | ${r.n} | ${r.median} | ${r.p95} | ${r.min} | ${r.max} | ${r.goal === null ? "" : `< ${r.goal}${r.p95 < r.goal ? " ✓" : " ✗"}`} |`,
      );
    if (cpu) {
      console.log(`\nCPU per generation (in process, sampled): ${cpu.totalMs} ms\n\n| area | ms |\n| --- | --: |`);
      for (const a of cpu.byArea) console.log(`| ${a.area} | ${a.ms} |`);
      console.log(`\n| function (self time) | area | ms |\n| --- | --- | --: |`);
      for (const f of cpu.byFunction) console.log(`| ${f.fn} | ${f.area} | ${f.ms} |`);
    }
    const missed = rows.filter((r) => r.goal !== null && r.p95 >= r.goal);
    const result = {
      db: values.db,
      entries: Number(values.entries),
      updates: Number(values.updates),
      windows: Number(values.windows),
      runs: RUNS,
      pageRuns: PAGE_RUNS,
      rows,
      cpu,
      loadAverage: load,
      at: new Date().toISOString(),
    };
    writeFileSync(path.join(REPO_ROOT, `bench/postmortem/results-${values.db}.json`), `${JSON.stringify(result, null, 2)}\n`);
    if (missed.length) {
      log(`goal missed (p95): ${missed.map((r) => r.what).join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await bench.$disconnect().catch(() => {});
    await app.stop();
    await db.drop();
  }
}

await main();
