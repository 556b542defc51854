// bench/timeline: with N SSE clients on one incident, the time from POST to receipt on
// every client, and the server's memory. Run on purpose, not by `npm test`:
//
//   node --import tsx bench/timeline/run.ts [--clients 200] [--posts 200] [--db sqlite|postgres]
//
// It starts the built app (BUILD_DIR, default .build-bench; built first if missing or with
// --rebuild) as a child process on a free port of 127.0.0.1 with a fresh database, opens
// the clients in worker threads, posts timeline entries at a steady pace from the main
// thread, and prints a table; the figures go to bench/results/timeline-<db>-<time>.json.
// bench/README.md explains every figure and option.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { now, type ClientReport, type ClientsConfig, type FromClients, type ToClients } from "./clients.ts";

const clientsUrl = new URL("./clients.ts", import.meta.url).href;
const tsxApi = import.meta.resolve("tsx/esm/api");
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const resultsDir = path.join(root, "bench/results");

// ---------------------------------------------------------------- options

const { values: opts } = parseArgs({
  options: {
    clients: { type: "string", default: "200" },
    posts: { type: "string", default: "200" },
    rate: { type: "string", default: "10" }, // POSTs started per second
    concurrency: { type: "string", default: "1" }, // POSTs in flight at most
    db: { type: "string", default: "sqlite" },
    "pg-url": { type: "string", default: process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    "build-dir": { type: "string", default: process.env.BUILD_DIR ?? ".build-bench" },
    rebuild: { type: "boolean", default: false },
    "client-threads": { type: "string", default: "1" },
    "body-chars": { type: "string", default: "200" },
    timeout: { type: "string", default: "120" }, // seconds for the whole run
    "cpu-prof": { type: "boolean", default: false },
    "wait-quiet": { type: "string", default: "0" }, // seconds to wait for other processes to go quiet
    out: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (opts.help) {
  console.log(fs.readFileSync(path.join(here, "../README.md"), "utf8").split("## Results")[0]);
  process.exit(0);
}

function intOption(name: keyof typeof opts, min: number): number {
  const n = Number(opts[name]);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} must be a number >= ${min}`);
    process.exit(2);
  }
  return n;
}

const CLIENTS = intOption("clients", 1);
const POSTS = intOption("posts", 1);
const RATE = intOption("rate", 0.1);
const CONCURRENCY = intOption("concurrency", 1);
const THREADS = Math.min(intOption("client-threads", 1), CLIENTS);
const BODY_CHARS = intOption("body-chars", 1);
const TIMEOUT_S = intOption("timeout", 5);
const WAIT_QUIET_S = intOption("wait-quiet", 0);
const DB = opts.db as "sqlite" | "postgres";
if (DB !== "sqlite" && DB !== "postgres") {
  console.error("--db must be sqlite or postgres");
  process.exit(2);
}
const BUILD_DIR = opts["build-dir"]!;
const TOKEN = `bench-timeline-${process.pid}-${"x".repeat(24)}`;

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

type Stats = { n: number; min: number; median: number; p90: number; p99: number; max: number; mean: number };
function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    n: s.length,
    min: round(s[0] ?? NaN, 2),
    median: round(percentile(s, 50), 2),
    p90: round(percentile(s, 90), 2),
    p99: round(percentile(s, 99), 2),
    max: round(s[s.length - 1] ?? NaN, 2),
    mean: round(mean, 2),
  };
}

/** Resolves with the value, or rejects after `ms` with a message that says what was awaited. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (peak) of a process, in MiB. */
function memory(pid: number): { rssMiB: number; peakRssMiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMiB: round(kb("VmRSS") / 1024), peakRssMiB: round(kb("VmHWM") / 1024) };
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used so far (Linux clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15)
  } catch {
    return NaN;
  }
}

/** Busy and total CPU time of the whole machine so far, in seconds (first line of /proc/stat). */
function machineCpu(): { busy: number; total: number } {
  try {
    const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: (total - f[3] - f[4]) / 100, total: total / 100 }; // minus idle and iowait
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** Cores kept busy by other processes over `ms` (the machine minus this process and `pid`). */
async function otherLoad(ms: number, pid?: number): Promise<number> {
  const m0 = machineCpu();
  const b0 = process.cpuUsage();
  const s0 = pid ? cpuSeconds(pid) : 0;
  await sleep(ms);
  const b = process.cpuUsage(b0);
  const server = pid ? cpuSeconds(pid) - s0 : 0;
  return round((machineCpu().busy - m0.busy - (b.user + b.system) / 1e6 - server) / (ms / 1000), 2);
}

/** Waits (at most `seconds`) until other processes use less than a quarter of a core. */
async function waitQuiet(seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let load = await otherLoad(2_000);
  let said = 0;
  while (load >= 0.25 && Date.now() < until) {
    if (Date.now() - said > 30_000) {
      log(`other processes keep ${load} cores busy; waiting for quiet (up to ${Math.round((until - Date.now()) / 1000)} s more)`);
      said = Date.now();
    }
    load = await otherLoad(2_000);
  }
  if (load >= 0.25) log(`still ${load} cores busy by other processes after ${seconds} s; running anyway`);
  return load;
}

// ---------------------------------------------------------------- HTTP to the app

const postAgent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 1 });

function request(port: number, method: string, urlPath: string, body?: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: urlPath,
        agent: postAgent,
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          Accept: "application/json",
          ...(payload ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: any = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = { raw: text.slice(0, 500) };
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on("error", reject);
      }
    );
    req.setNoDelay(true);
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${urlPath} took more than 15 s`)));
    req.on("error", reject);
    req.end(payload);
  });
}

// ---------------------------------------------------------------- the server and its database

function gitCommit(): string | null {
  const r = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8", timeout: 5_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The newest file under the directories the build is made from (app/ without generated code). */
function newestSource(): { file: string; mtime: Date } | null {
  let newest: { file: string; mtime: Date } | null = null;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (entry.isFile()) {
        const mtime = fs.statSync(full).mtime;
        if (!newest || mtime > newest.mtime) newest = { file: path.relative(root, full), mtime };
      }
    }
  };
  walk(path.join(root, "app"));
  return newest;
}

type Build = { dir: string; builtAt: string; builtNow: boolean; sourceChangedAfter: string | null };

/** Uses the build in BUILD_DIR, building it first if it is missing (or with --rebuild); says if app/ changed since. */
function ensureBuild(): Build {
  const entry = path.resolve(root, BUILD_DIR, "server/index.js");
  let builtNow = false;
  if (!fs.existsSync(entry) || opts.rebuild) {
    log(`building the app into ${BUILD_DIR} (npx remix vite:build) ...`);
    const r = spawnSync("npx", ["remix", "vite:build"], {
      cwd: root,
      env: { ...process.env, BUILD_DIR },
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 300_000,
    });
    if (r.status !== 0 || !fs.existsSync(entry)) throw new Error(`the build failed (exit ${r.status ?? r.signal})`);
    builtNow = true;
  }
  const builtAt = fs.statSync(entry).mtime;
  const newest = newestSource();
  const stale = newest && newest.mtime > builtAt ? newest.file : null;
  if (!builtNow) log(`using the existing build in ${BUILD_DIR} (built ${builtAt.toISOString()}; --rebuild to rebuild)`);
  if (stale) log(`warning: ${stale} changed after the build; the server runs older code (--rebuild)`);
  return { dir: BUILD_DIR, builtAt: builtAt.toISOString(), builtNow, sourceChangedAfter: stale };
}

type Database = { url: string; describe: string; drop: () => Promise<void> };

async function freshDatabase(): Promise<Database> {
  if (DB === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-timeline-"));
    return {
      url: `file:${path.join(dir, "app.db")}`,
      describe: `SQLite file in ${dir}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new URL(opts["pg-url"]!);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(admin.hostname)) throw new Error("--pg-url must point at 127.0.0.1");
  const name = `bench_timeline_${process.pid}`;
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    describe: `Postgres database ${name} on ${admin.host}`,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

function startServer(port: number, databaseUrl: string, profileDir: string | null): Server {
  const execArgv = ["--import", "tsx"];
  if (profileDir) execArgv.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`);
  const child = spawn(process.execPath, [...execArgv, "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      BUILD_DIR,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: "warn",
      SEED_DEMO_DATA: "auto",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, port, output: () => tail, exited };
}

async function waitHealthy(server: Server, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const r = await request(server.port, "GET", "/healthz");
      if (r.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`the server was not healthy within ${ms} ms:\n${server.output()}`);
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const code = await Promise.race([server.exited, sleep(12_000).then(() => "timeout" as const)]);
  if (code === "timeout") {
    log("the server did not stop within 12 s of SIGTERM; killing it");
    server.child.kill("SIGKILL");
    await Promise.race([server.exited, sleep(2_000)]);
  }
}

// ---------------------------------------------------------------- the CPU profile, summarised

type CallFrame = { functionName: string; url: string; lineNumber: number };
type CpuProfile = {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

/**
 * Where a busy sample's time goes, judged from its whole stack (a heuristic, but stable):
 * the database (Prisma's query compiler and interpreter, the driver), the SSE fan-out
 * (framing, the web stream, Remix's pump, res.write, the writev syscall), the rest of
 * HTTP handling (Express, Remix, compression, parsing), garbage collection, other.
 */
function area(stack: CallFrame[]): string {
  const leaf = stack[0];
  if (leaf.functionName === "(garbage collector)") return "garbage collection";
  const text = stack.map((f) => `${f.url} ${f.functionName}`).join("|");
  if (/prisma|better-sqlite3|\/pg\/|pg-pool|wasm/.test(`${leaf.url} ${leaf.functionName}`) || /@prisma/.test(text))
    return "database (Prisma, driver)";
  if (leaf.functionName === "writev" || /\bframe\b|writeReadableStreamToWritable|internal\/webstreams/.test(text))
    return "SSE fan-out (frame, web stream, res.write, writev)";
  if (/_http_|express|router|helmet|compression|on-headers|@remix-run|node:internal\/streams|undici/.test(text))
    return "HTTP handling (Express, Remix, parsing, responses)";
  return "other";
}

/** Self time per function, per package and per area during [from, to] (hrtime ms), from a .cpuprofile. */
function summariseProfile(file: string, fromMs: number, toMs: number, posts: number) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  const areas = new Map<string, number>();
  let t = profile.startTime; // microseconds, CLOCK_MONOTONIC like process.hrtime
  let total = 0;
  let idle = 0;
  let longestGapMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const ms = t / 1000;
    if (ms < fromMs || ms > toMs) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    longestGapMs = Math.max(longestGapMs, dt);
    const frame = byId.get(profile.samples[i])!.callFrame;
    if (frame.functionName === "(idle)") {
      idle += dt;
      continue;
    }
    const url = frame.url.replace(`file://${root}/`, "");
    const pkg = frame.url
      ? /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? url.split("/").slice(0, 2).join("/")
      : frame.functionName || "(native)";
    const key = `${frame.functionName || "(anonymous)"} ${url ? `${url}:${frame.lineNumber + 1}` : ""}`.trim();
    const stack: CallFrame[] = [];
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!.callFrame);
    const a = area(stack);
    fns.set(key, (fns.get(key) ?? 0) + dt);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + dt);
    areas.set(a, (areas.get(a) ?? 0) + dt);
    total += dt;
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: round(ms), share: round((100 * ms) / (total || 1)), msPerPost: round(ms / (posts || 1), 2) }));
  if (longestGapMs > 500) log(`the CPU profile has a ${round(longestGapMs)} ms gap between samples; its figures are not reliable, run again`);
  return {
    windowMs: round(toMs - fromMs),
    busyMs: round(total),
    idleMs: round(idle),
    longestSampleGapMs: round(longestGapMs),
    areas: top(areas, 10),
    packages: top(pkgs, 15),
    functions: top(fns, 25),
  };
}

// ---------------------------------------------------------------- the run

async function main() {
  const build = ensureBuild(); // outside the time bound: a cold build is not part of the benchmark
  const quietLoad = WAIT_QUIET_S > 0 ? await waitQuiet(WAIT_QUIET_S) : null;
  const started = new Date();
  const deadline = Date.now() + TIMEOUT_S * 1000;
  const left = () => Math.max(1, deadline - Date.now());

  const out = path.resolve(opts.out ?? path.join(resultsDir, `timeline-${DB}-${started.toISOString().replace(/[:.]/g, "-")}.json`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  let server: Server | null = null;
  let database: Database | null = null;
  const workers: Worker[] = [];
  const profileDir = opts["cpu-prof"] ? fs.mkdtempSync(path.join(os.tmpdir(), "bench-timeline-prof-")) : null;

  // Whatever happens, the server dies with us.
  const killOnExit = () => server?.child.kill("SIGKILL");
  process.on("exit", killOnExit);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping`);
      killOnExit();
      void database?.drop().finally(() => process.exit(130));
      setTimeout(() => process.exit(130), 3_000).unref();
    });
  }
  const overall = setTimeout(() => {
    log(`the run took longer than --timeout ${TIMEOUT_S} s; aborting`);
    killOnExit();
    void database?.drop().finally(() => process.exit(1));
    setTimeout(() => process.exit(1), 5_000).unref();
  }, TIMEOUT_S * 1000 + 60_000); // the last resort: after the deadline, draining, reports and shutdown have their own bounds
  overall.unref();

  try {
    database = await within(freshDatabase(), 15_000, "the database");
    const port = await freePort();
    log(`starting the server on 127.0.0.1:${port} with ${database.describe}`);
    server = startServer(port, database.url, profileDir);
    const pid = server.child.pid!;
    const t0 = now();
    await waitHealthy(server, Math.min(left(), 60_000));
    const startupMs = now() - t0;

    const created = await request(port, "POST", "/api/v1/incidents", { title: "Benchmark: timeline fan-out", severity: "SEV2" });
    if (created.status !== 201) throw new Error(`creating the incident: ${created.status} ${JSON.stringify(created.json)}`);
    const incidentId: string = created.json.incident.id;
    // One warm-up entry so the first measured POST does not pay for cold code paths.
    const warm = await request(port, "POST", `/api/v1/incidents/${incidentId}/timeline`, { body: "warm-up", kind: "note" });
    if (warm.status !== 201) throw new Error(`warm-up entry: ${warm.status} ${JSON.stringify(warm.json)}`);
    const startSeq: number = warm.json.entry.seq;
    await sleep(500);
    const memBefore = memory(pid);

    // ---- N clients, split across worker threads
    log(`opening ${CLIENTS} SSE clients in ${THREADS} worker thread(s)`);
    const failures: { index: number; reason: string }[] = [];
    const completions = new Map<number, { workers: number; at: number }>(); // seq -> workers done, latest time
    let connectedWorkers = 0;
    let onConnected: () => void = () => {};
    let onComplete: () => void = () => {};
    const reports: Promise<{ clients: ClientReport[]; eventLoopDelayMs: { p50: number; p99: number; max: number } }>[] = [];
    const per = Math.ceil(CLIENTS / THREADS);
    for (let first = 0; first < CLIENTS; first += per) {
      const config: ClientsConfig = { port, incidentId, token: TOKEN, firstIndex: first, count: Math.min(per, CLIENTS - first), afterSeq: startSeq };
      // `--import tsx` does not reach worker threads on Node 20; load clients.ts through tsx's API.
      const load = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(clientsUrl)}, ${JSON.stringify(clientsUrl)}))`;
      const worker = new Worker(load, { eval: true, workerData: config });
      workers.push(worker);
      const report = new Promise<Awaited<(typeof reports)[number]>>((resolve, reject) => {
        worker.on("message", (message: FromClients) => {
          if (message.type === "connected") {
            connectedWorkers++;
            onConnected();
          } else if (message.type === "complete") {
            const c = completions.get(message.seq) ?? { workers: 0, at: 0 };
            c.workers++;
            c.at = Math.max(c.at, message.at);
            completions.set(message.seq, c);
            onComplete();
          } else if (message.type === "failed") {
            failures.push({ index: message.index, reason: message.reason });
            log(`client ${message.index}: ${message.reason}`);
            onConnected();
          } else if (message.type === "report") resolve(message);
        });
        worker.on("exit", (code) => reject(new Error(`client worker exited (${code}) before reporting`)));
        worker.on("error", (error) => {
          failures.push({ index: first, reason: `worker: ${error.message}` });
          onConnected(); // fails the connect wait if it is still running
          reject(error);
        });
      });
      report.catch(() => {}); // awaited later; a worker that dies early also fails the connect wait
      reports.push(report);
    }
    const tConnect = now();
    await within(
      new Promise<void>((resolve, reject) => {
        onConnected = () => {
          if (failures.length) reject(new Error(`${failures.length} client(s) failed to connect: ${failures[0].reason}`));
          else if (connectedWorkers === workers.length) resolve();
        };
      }),
      Math.min(left(), 30_000),
      `${CLIENTS} clients to connect`
    );
    const connectMs = now() - tConnect;
    // ': connected' is written before the stream attaches the client; let attach finish.
    await sleep(500);
    const memConnected = memory(pid);
    const otherBefore = await otherLoad(1_000, pid);
    if (otherBefore >= 0.25) log(`warning: other processes keep ${otherBefore} cores busy; the figures will be noisy (see --wait-quiet)`);
    log(`all ${CLIENTS} clients connected in ${round(connectMs)} ms; posting ${POSTS} entries at ${RATE}/s, ${CONCURRENCY} in flight`);

    // ---- M posts at a steady pace
    type Post = { i: number; sentAt: number; respondedAt: number; status: number; seq: number | null };
    const posts: Post[] = [];
    const body = (i: number) => `bench entry ${i} `.padEnd(BODY_CHARS, "lorem ipsum dolor sit amet ");
    const cpuStart = cpuSeconds(pid);
    const machineStart = machineCpu();
    const benchStart = process.cpuUsage();
    const postStart = now();
    const interval = 1000 / RATE;
    let nextIndex = 0;
    const poster = async () => {
      while (nextIndex < POSTS && Date.now() < deadline && server!.child.exitCode === null) {
        const i = nextIndex++;
        const due = postStart + i * interval;
        const wait = due - now();
        if (wait > 0) await sleep(wait);
        const sentAt = now();
        try {
          const r = await request(port, "POST", `/api/v1/incidents/${incidentId}/timeline`, { body: body(i), kind: "note" });
          posts.push({ i, sentAt, respondedAt: now(), status: r.status, seq: r.status === 201 ? r.json.entry.seq : null });
        } catch (error) {
          posts.push({ i, sentAt, respondedAt: now(), status: 0, seq: null });
          log(`POST ${i}: ${(error as Error).message}`);
        }
      }
    };
    // The posters stop at the deadline by themselves; a POST in flight then has its own 15 s bound.
    await within(Promise.all(Array.from({ length: CONCURRENCY }, poster)), left() + 16_000, "the posts");
    const postEnd = now();

    // ---- wait until every worker has every posted seq on every client (bounded)
    const postedSeqs = posts.filter((p) => p.seq !== null).map((p) => p.seq!);
    const drained = () => postedSeqs.every((s) => (completions.get(s)?.workers ?? 0) === workers.length);
    await within(
      new Promise<void>((resolve) => {
        onComplete = () => drained() && resolve();
        onComplete();
      }),
      10_000,
      "every client to receive every entry"
    ).catch((error) => log(`${(error as Error).message}; reporting what arrived`));
    const drainEnd = now();
    const cpuEnd = cpuSeconds(pid);
    const machineEnd = machineCpu();
    const benchCpu = process.cpuUsage(benchStart);
    await sleep(200);
    const memEnd = memory(pid);

    // ---- collect the clients' reports
    for (const worker of workers) worker.postMessage({ type: "stop" } satisfies ToClients);
    const collected = await within(Promise.all(reports), 15_000, "the clients' reports");
    const clients = collected.flatMap((r) => r.clients).sort((a, b) => a.index - b.index);

    // ---- the figures
    const sentAtBySeq = new Map(posts.filter((p) => p.seq !== null).map((p) => [p.seq!, p.sentAt]));
    const expected = [...sentAtBySeq.keys()].sort((a, b) => a - b);
    const latencies: number[] = [];
    const firstBySeq = new Map<number, number>();
    const lastBySeq = new Map<number, number>();
    let lost = 0,
      duplicated = 0,
      outOfOrder = 0,
      unexpected = 0,
      malformed = 0,
      heartbeats = 0;
    const clientsWithProblems: { index: number; lost: number; duplicated: number; outOfOrder: number; unexpected: number; error: string | null }[] =
      [];
    for (const c of clients) {
      const seen = new Set<number>();
      let prev = startSeq;
      let cl = 0,
        cd = 0,
        co = 0,
        cu = 0;
      for (let k = 0; k < c.seqs.length; k++) {
        const seq = c.seqs[k];
        if (seen.has(seq)) {
          cd++; // only the first receipt counts for latency
          continue;
        }
        if (seq <= prev) co++;
        seen.add(seq);
        prev = Math.max(prev, seq);
        const sentAt = sentAtBySeq.get(seq);
        if (sentAt === undefined) {
          cu++; // an event this run did not post (nothing else writes to the incident)
          continue;
        }
        const at = c.times[k];
        latencies.push(at - sentAt);
        firstBySeq.set(seq, Math.min(firstBySeq.get(seq) ?? Infinity, at));
        lastBySeq.set(seq, Math.max(lastBySeq.get(seq) ?? -Infinity, at));
      }
      for (const seq of expected) if (!seen.has(seq)) cl++;
      lost += cl;
      duplicated += cd;
      outOfOrder += co;
      unexpected += cu;
      malformed += c.malformed;
      heartbeats += c.heartbeats;
      if (cl || cd || co || cu || c.error)
        clientsWithProblems.push({ index: c.index, lost: cl, duplicated: cd, outOfOrder: co, unexpected: cu, error: c.error });
    }
    const firstLatency = expected.filter((s) => firstBySeq.has(s)).map((s) => firstBySeq.get(s)! - sentAtBySeq.get(s)!);
    const lastLatency = expected.filter((s) => lastBySeq.has(s)).map((s) => lastBySeq.get(s)! - sentAtBySeq.get(s)!);
    const spread = expected.filter((s) => firstBySeq.has(s)).map((s) => lastBySeq.get(s)! - firstBySeq.get(s)!);
    const postLatency = posts.map((p) => p.respondedAt - p.sentAt);
    const ok = posts.filter((p) => p.status === 201).length;
    const postSpan = (postEnd - postStart) / 1000;
    const cpuUsed = cpuEnd - cpuStart;

    // Stop the clients' sockets, then the server (so a CPU profile is written), then summarise.
    await Promise.all(workers.map((w) => w.terminate().catch(() => {})));
    workers.length = 0;
    await stopServer(server);
    let profile: ReturnType<typeof summariseProfile> | null = null;
    let profileFile: string | null = null;
    if (profileDir) {
      const file = fs.readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
      if (file) {
        profileFile = out.replace(/\.json$/, "") + ".cpuprofile";
        fs.copyFileSync(path.join(profileDir, file), profileFile);
        profile = summariseProfile(profileFile, postStart, drainEnd, posts.length);
      } else log("no CPU profile was written (the server did not exit cleanly)");
      fs.rmSync(profileDir, { recursive: true, force: true });
    }

    const cpus = os.cpus();
    const result = {
      benchmark: "timeline",
      startedAt: started.toISOString(),
      headCommit: gitCommit(), // HEAD at the time of the run; the code that ran is the build's
      build,
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? null,
        memoryGiB: round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
      },
      config: {
        db: DB,
        clients: CLIENTS,
        posts: POSTS,
        rate: RATE,
        concurrency: CONCURRENCY,
        clientThreads: THREADS,
        bodyChars: BODY_CHARS,
        buildDir: BUILD_DIR,
      },
      server: { startupMs: round(startupMs), clientsConnectMs: round(connectMs) },
      // The headline: POST sent -> event parsed, one sample per (entry, client).
      deliveryMs: stats(latencies),
      firstClientMs: stats(firstLatency), // POST sent -> the first client has the event
      lastClientMs: stats(lastLatency), // POST sent -> the last client has the event
      fanOutSpreadMs: stats(spread), // last client - first client, per entry
      postResponseMs: stats(postLatency),
      posts: {
        sent: posts.length,
        created: ok,
        failed: posts.length - ok,
        perSecond: round(posts.length / postSpan, 2),
        seconds: round(postSpan, 2),
      },
      delivery: {
        expectedPerClient: expected.length,
        samples: latencies.length,
        lost,
        duplicated,
        outOfOrder,
        unexpected,
        malformed,
        clientErrors: clients.filter((c) => c.error).length,
        heartbeats,
        clientsWithProblems: clientsWithProblems.slice(0, 20),
      },
      serverMemory: { beforeClients: memBefore, withClients: memConnected, atEnd: memEnd },
      serverCpu: { secondsWhilePosting: round(cpuUsed, 2), shareOfOneCore: round(cpuUsed / ((drainEnd - postStart) / 1000), 3) },
      // Cores busy while posting: the whole machine, this benchmark (all threads), the server, and
      // everything else (Postgres, and anything else running on the machine: a noisy neighbour shows here).
      machineCoresBusy: (() => {
        const seconds = (drainEnd - postStart) / 1000;
        const machine = (machineEnd.busy - machineStart.busy) / seconds;
        const bench = (benchCpu.user + benchCpu.system) / 1e6 / seconds;
        const srv = cpuUsed / seconds;
        return { machine: round(machine, 2), bench: round(bench, 2), server: round(srv, 2), other: round(machine - bench - srv, 2) };
      })(),
      loadAverage: os.loadavg().map((l) => round(l, 2)),
      otherCoresBusy: { beforeStart: quietLoad, beforePosting: otherBefore },
      clientEventLoopDelayMs: collected.map((r) => r.eventLoopDelayMs),
      cpuProfile: profile && { file: path.relative(root, profileFile!), windowHrtimeMs: [postStart, drainEnd], ...profile },
    };

    fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
    printTable(result);
    console.log(`\nfigures: ${path.relative(process.cwd(), out)}${profileFile ? `\nprofile: ${path.relative(process.cwd(), profileFile)}` : ""}`);
    const clean = lost + duplicated + outOfOrder + unexpected + malformed === 0 && ok === POSTS && !result.delivery.clientErrors;
    if (posts.length < POSTS) console.log(`\nINCOMPLETE: ${posts.length} of ${POSTS} posts were made before the --timeout of ${TIMEOUT_S} s`);
    else if (ok < POSTS) console.log(`\nFAILED POSTS: ${POSTS - ok} of ${POSTS}`);
    if (lost + duplicated + outOfOrder + unexpected + malformed || result.delivery.clientErrors)
      console.log("\nDELIVERY PROBLEMS: see delivery.clientsWithProblems in the JSON");
    if (!clean) process.exitCode = 1;
  } catch (error) {
    log(`failed: ${(error as Error).stack ?? error}`);
    if (server) log(`server output (tail):\n${server.output()}`);
    process.exitCode = 1;
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => {})));
    if (server) await stopServer(server);
    await database?.drop().catch((error) => log(`dropping the database: ${(error as Error).message}`));
    postAgent.destroy();
    clearTimeout(overall);
  }
}

type Share = { name: string; ms: number; share: number; msPerPost: number };

function printTable(r: {
  config: { db: string; clients: number; posts: number; rate: number; concurrency: number };
  machine: { cpus: number; cpuModel: string | null; node: string };
  deliveryMs: Stats;
  firstClientMs: Stats;
  lastClientMs: Stats;
  fanOutSpreadMs: Stats;
  postResponseMs: Stats;
  posts: { sent: number; created: number; perSecond: number };
  delivery: { samples: number; lost: number; duplicated: number; outOfOrder: number; unexpected: number; malformed: number; clientErrors: number };
  serverMemory: Record<string, { rssMiB: number; peakRssMiB: number } | null>;
  serverCpu: { secondsWhilePosting: number; shareOfOneCore: number };
  machineCoresBusy: { machine: number; bench: number; server: number; other: number };
  clientEventLoopDelayMs: { p99: number; max: number }[];
  cpuProfile: { busyMs: number; windowMs: number; areas: Share[]; packages: Share[]; functions: Share[] } | null;
}) {
  const c = r.config;
  const row = (name: string, s: Stats) =>
    `${name.padEnd(30)}${String(s.n).padStart(7)}${[s.median, s.p90, s.p99, s.max].map((v) => v.toFixed(1).padStart(9)).join("")}`;
  const lines = [
    "",
    `bench/timeline  db=${c.db}  clients=${c.clients}  posts=${c.posts}  rate=${c.rate}/s  in-flight=${c.concurrency}  (${r.machine.cpus} × ${r.machine.cpuModel}, node ${r.machine.node})`,
    "",
    `${"latency (ms)".padEnd(30)}${"n".padStart(7)}${["median", "p90", "p99", "max"].map((h) => h.padStart(9)).join("")}`,
    row("POST sent -> client has event", r.deliveryMs),
    row("  first client per entry", r.firstClientMs),
    row("  last client per entry", r.lastClientMs),
    row("  spread (last - first)", r.fanOutSpreadMs),
    row("POST response", r.postResponseMs),
    "",
    `posts: ${r.posts.created}/${r.posts.sent} created, ${r.posts.perSecond}/s achieved`,
    `delivery: ${r.delivery.samples} samples; lost ${r.delivery.lost}, duplicated ${r.delivery.duplicated}, out of order ${r.delivery.outOfOrder}, unexpected ${r.delivery.unexpected}, malformed ${r.delivery.malformed}, client errors ${r.delivery.clientErrors}`,
    `server RSS (MiB): before clients ${r.serverMemory.beforeClients?.rssMiB}, with clients ${r.serverMemory.withClients?.rssMiB}, at end ${r.serverMemory.atEnd?.rssMiB} (peak ${r.serverMemory.atEnd?.peakRssMiB})`,
    `server CPU while posting: ${r.serverCpu.secondsWhilePosting} s (${round(r.serverCpu.shareOfOneCore * 100)}% of one core)`,
    `cores busy while posting: machine ${r.machineCoresBusy.machine} of ${r.machine.cpus} = server ${r.machineCoresBusy.server} + bench ${r.machineCoresBusy.bench} + other ${r.machineCoresBusy.other}`,
    `client event-loop delay (ms): ${r.clientEventLoopDelayMs.map((e) => `p99 ${e.p99}, max ${e.max}`).join("; ")}`,
  ];
  if (r.cpuProfile) {
    const p = r.cpuProfile;
    lines.push("", `server main thread while posting: ${p.busyMs} ms busy of ${p.windowMs} ms (CPU profile), per area:`);
    for (const a of p.areas) lines.push(`  ${a.share.toFixed(1).padStart(5)}%  ${a.msPerPost.toFixed(2).padStart(6)} ms per POST  ${a.name}`);
    lines.push("by package (self time):");
    for (const x of p.packages.slice(0, 8))
      lines.push(`  ${x.share.toFixed(1).padStart(5)}%  ${x.msPerPost.toFixed(2).padStart(6)} ms per POST  ${x.name}`);
    lines.push("by function (self time):");
    for (const f of p.functions.slice(0, 12))
      lines.push(`  ${f.share.toFixed(1).padStart(5)}%  ${f.msPerPost.toFixed(2).padStart(6)} ms per POST  ${f.name}`);
  }
  console.log(lines.join("\n"));
}

await main();
