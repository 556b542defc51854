// bench/scale: 10,000 incidents and 1,000,000 timeline entries. How long does the seed take, and
// what server time (p50/p95) do the incident list, an incident room (a typical one, about 100
// entries, and the largest), the insights page and search take? Goal: p95 < 200 ms each, on
// SQLite and on Postgres. Run on purpose:
//
//   npm run bench:scale -- [--db sqlite|postgres] [--incidents 10000] [--entries 1000000] [--largest 5000] [--requests 50] [--keep]
//
// Builds the app into .build-bench-scale if missing, starts it on a fresh database (migrations,
// demo data), stops it, bulk-seeds, starts it again (127.0.0.1 only) and times each route;
// prints a table and writes bench/scale/results-<db>.json. The database is removed at the end.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ADMIN_TOKEN, REPO_ROOT, spawnApp, type AppProcess } from "../../tests/setup/app-process.ts";
import { createBenchPostgres } from "../shared/postgres-database.ts";
import { get, table, timeRoute, type Timing } from "./measure.ts";
import { seedScale, type SeedReport } from "./seed.ts";
import { postgresWriter, sqliteWriter } from "./writers.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    incidents: { type: "string", default: "10000" },
    entries: { type: "string", default: "1000000" },
    largest: { type: "string", default: "5000" },
    "span-days": { type: "string", default: "730" },
    requests: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    "pg-url": { type: "string", default: process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    timeout: { type: "string", default: "1200" },
    /** keep the seeded database (and print where it is) to look into a slow query */
    keep: { type: "boolean", default: false },
  },
});
if (values.db !== "sqlite" && values.db !== "postgres") throw new Error("--db is sqlite or postgres");
const GOAL_MS = 200;
const buildDir = process.env.BUILD_DIR ?? ".build-bench-scale";
const log = (message: string) => console.log(`[bench:scale] ${message}`);

/** Searches a person might type: a rare phrase from the demo outage, a phrase and a word, one common word. */
const SEARCHES = [
  { what: "search: demo phrase (rare)", q: `"rollback blocked"` },
  { what: "search: phrase + word", q: `"replication lag" eu-west` },
  { what: "search: one common word", q: "latency" },
];

async function database(): Promise<{ url: string; describe: string; size: () => Promise<number>; drop: () => Promise<void> }> {
  if (values.db === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-scale-"));
    const file = path.join(dir, "app.db");
    const size = async () => statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    return { url: `file:${file}`, describe: `SQLite file ${file}`, size, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const pg = await createBenchPostgres(values["pg-url"]!, "bench_scale");
  const size = async () => {
    const writer = await postgresWriter(pg.url);
    const [row] = await writer.query<{ size: string }>("SELECT pg_database_size(current_database()) AS size");
    await writer.close();
    return Number(row!.size);
  };
  return { ...pg, size };
}

async function routesToTime(app: AppProcess, seeded: SeedReport): Promise<{ what: string; path: string }[]> {
  // How many entries the room renders of the largest incident's (it may show only some).
  const largest = await get(app, ADMIN_TOKEN, `/incidents/${seeded.largest.ref}`);
  const shown = largest.body.match(/data-testid="timeline-entry"/g)?.length ?? 0;
  const routes = [
    { what: "incident list", path: "/incidents" },
    { what: `incident room, ${seeded.typical.entries} entries`, path: `/incidents/${seeded.typical.ref}` },
    { what: `incident room, ${seeded.largest.entries} entries (largest; ${shown} shown)`, path: `/incidents/${seeded.largest.ref}` },
  ];
  // The insights page is being built beside this benchmark: measure what exists.
  if ((await get(app, ADMIN_TOKEN, "/insights")).status === 200) routes.push({ what: "insights page", path: "/insights" });
  else if ((await get(app, ADMIN_TOKEN, "/api/v1/insights")).status === 200)
    routes.push({ what: "insights API (no page yet)", path: "/api/v1/insights" });
  else log("neither /insights nor /api/v1/insights exists in this build: insights not measured");
  for (const s of SEARCHES) routes.push({ what: `${s.what}, API`, path: `/api/v1/search?q=${encodeURIComponent(s.q)}` });
  routes.push({ what: `${SEARCHES[1]!.what}, page`, path: `/search?q=${encodeURIComponent(SEARCHES[1]!.q)}` });
  return routes;
}

async function main() {
  if (!existsSync(path.join(REPO_ROOT, buildDir, "server/index.js"))) {
    log(`building into ${buildDir}`);
    execFileSync("npx", ["remix", "vite:build"], { cwd: REPO_ROOT, env: { ...process.env, BUILD_DIR: buildDir }, stdio: "inherit" });
  }
  const db = await database();
  // info: the request log line carries the server's time per request.
  const env = { BUILD_DIR: buildDir, DATABASE_URL: db.url, BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: "info", DELIVERY_WORKER: "off" };
  let app: AppProcess | null = null;
  const deadline = setTimeout(
    () => {
      console.error(`[bench:scale] still running after ${values.timeout} s: stopping`);
      void app?.stop().finally(() => db.drop().finally(() => process.exit(1)));
    },
    Number(values.timeout) * 1000,
  );
  try {
    log(`${db.describe}: migrating and loading the demo data`);
    app = await spawnApp(env);
    await app.stop();
    app = null;

    log(`seeding ${values.incidents} incidents and ${values.entries} entries (the largest ${values.largest})`);
    const writer = values.db === "sqlite" ? sqliteWriter(db.url.slice("file:".length)) : await postgresWriter(db.url);
    const seeded = await seedScale(
      writer,
      {
        incidents: Number(values.incidents),
        entries: Number(values.entries),
        largest: Number(values.largest),
        spanDays: Number(values["span-days"]),
      },
      log,
    );
    // What autovacuum would have done by now after a bulk load; the app never runs ANALYZE on SQLite, so neither does this.
    if (values.db === "postgres") await writer.query("VACUUM ANALYZE");
    await writer.close();
    const bytes = await db.size();
    log(
      `seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${seeded.incidents} incidents, ${seeded.entries} entries, ${seeded.postmortems} post-mortems (${seeded.sections} sections); database ${Math.round(bytes / 1048576)} MiB`,
    );

    const startedAt = performance.now();
    app = await spawnApp(env);
    const startMs = Math.round(performance.now() - startedAt);
    log(`app started in ${startMs} ms`);
    const rows: Timing[] = [];
    for (const route of await routesToTime(app, seeded)) {
      rows.push(
        await timeRoute(app, ADMIN_TOKEN, route, { requests: Number(values.requests), warmup: Number(values.warmup), goalMs: GOAL_MS }),
      );
      log(`${route.what}: p95 ${rows.at(-1)!.server.p95} ms`);
    }
    await app.stop();
    app = null;

    const load = loadavg().map((n) => Math.round(n * 100) / 100);
    console.log(
      `\nbench/scale on ${values.db}: ${seeded.incidents} incidents, ${seeded.entries} entries; seed ${(seeded.ms / 1000).toFixed(1)} s; database ${Math.round(bytes / 1048576)} MiB; server ms over ${values.requests} sequential requests after ${values.warmup} warm-up; load average ${load.join(" ")}\n`,
    );
    console.log(table(rows));
    const result = {
      db: values.db,
      at: new Date().toISOString(),
      seed: seeded,
      databaseBytes: bytes,
      appStartMs: startMs,
      requests: Number(values.requests),
      warmup: Number(values.warmup),
      loadAverage: load,
      build: buildDir,
      rows,
    };
    const out = path.join(REPO_ROOT, `bench/scale/results-${values.db}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${path.relative(REPO_ROOT, out)}`);
    const missed = rows.filter((r) => !r.met);
    if (missed.length) {
      log(`goal missed (p95 ≥ ${GOAL_MS} ms): ${missed.map((r) => r.what).join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(deadline);
    await app?.stop();
    if (values.keep) log(`kept ${db.describe} (${db.url}); remove it when done`);
    else await db.drop();
  }
}

await main();
