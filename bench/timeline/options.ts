// The command line of bench/timeline/run.ts, read once when this module loads (an invalid
// option exits with status 2 before anything starts). bench/timeline/README.md explains every option.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const resultsDir = path.join(root, "bench/results");

export const { values: opts } = parseArgs({
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
  console.log(fs.readFileSync(path.join(here, "README.md"), "utf8").split("## Results")[0]);
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

export const CLIENTS = intOption("clients", 1);
export const POSTS = intOption("posts", 1);
export const RATE = intOption("rate", 0.1);
export const CONCURRENCY = intOption("concurrency", 1);
export const THREADS = Math.min(intOption("client-threads", 1), CLIENTS);
export const BODY_CHARS = intOption("body-chars", 1);
export const TIMEOUT_S = intOption("timeout", 5);
export const WAIT_QUIET_S = intOption("wait-quiet", 0);
export const DB = opts.db as "sqlite" | "postgres";
if (DB !== "sqlite" && DB !== "postgres") {
  console.error("--db must be sqlite or postgres");
  process.exit(2);
}
export const BUILD_DIR = opts["build-dir"]!;
export const TOKEN = `bench-timeline-${process.pid}-${"x".repeat(24)}`;
