// Command-line options of bench/status-page/run.ts, and the constants every module shares.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    "pg-url": {
      type: "string",
      default: process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
    },
    "build-dir": {
      type: "string",
      default: process.env.BUILD_DIR ?? ".build-bench-status",
    },
    connections: { type: "string", default: "100" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    publishes: { type: "string", default: "20" },
    "log-level": { type: "string", default: "info" },
    out: { type: "string" },
  },
  strict: true,
});

export const DB = opts.db === "postgres" ? "postgres" : "sqlite";
if (opts.db !== DB) throw new Error(`--db must be sqlite or postgres, not ${opts.db}`);
export const BUILD_DIR = opts["build-dir"]!;
export const CONNECTIONS = Number(opts.connections);
export const DURATION_S = Number(opts.duration);
export const WARMUP_S = Number(opts.warmup);
export const PUBLISHES = Number(opts.publishes);
/** The server's LOG_LEVEL; production's default is info, which logs a line per request. */
export const LOG_LEVEL = opts["log-level"]!;
export const OUT = path.resolve(root, opts.out ?? "bench/status-page/results.json");
/** BOOTSTRAP_ADMIN_TOKEN needs 24+ characters. */
export const TOKEN = "bench-status-admin-token-7d41c9a2e8f05b36";
/** The ports this benchmark may use. */
export const PORTS = { first: 3700, last: 3799 };
/** The paths measured under load. */
export const PATHS = ["/api/v2/summary.json", "/status"] as const;

export const log = (message: string) => console.error(`[bench:status-page] ${message}`);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const now = () => performance.now();
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
