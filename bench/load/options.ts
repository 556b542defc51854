// The command line of bench/load/run.ts. It must be imported before anything from
// bench/status-page or bench/timeline: those read process.argv when they load (and refuse
// options they do not know), so this module hands them only the options they share.
import { parseArgs } from "node:util";

export const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    "pg-url": { type: "string", default: process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test" },
    "build-dir": { type: "string", default: process.env.BUILD_DIR ?? ".build-load" },
    duration: { type: "string", default: "300" }, // seconds of load
    scribes: { type: "string", default: "20" },
    "entries-per-second": { type: "string", default: "10" }, // all scribes together
    clients: { type: "string", default: "200" },
    "client-threads": { type: "string", default: "2" },
    "publish-every": { type: "string", default: "60" }, // seconds between comms updates
    "public-rate": { type: "string", default: "2000" }, // requests/s on the public paths together
    connections: { type: "string", default: "50" }, // autocannon connections per public path
    fault: { type: "string" }, // db-lock (SQLite) or pg-stop (Postgres)
    "fault-at": { type: "string" }, // seconds into the load; default a third of the duration
    "fault-for": { type: "string", default: "30" },
    instances: { type: "string", default: "1" }, // 2: two instances behind nginx, one killed (-9) at --kill-at
    "kill-at": { type: "string" }, // seconds into the load; default half the duration
    out: { type: "string" },
  },
  strict: true,
});

function number(name: keyof typeof opts, min: number): number {
  const n = Number(opts[name]);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} must be a number >= ${min}`);
    process.exit(2);
  }
  return n;
}

export const DB = opts.db === "postgres" ? "postgres" : "sqlite";
if (opts.db !== DB) {
  console.error("--db must be sqlite or postgres");
  process.exit(2);
}
export const DURATION_S = number("duration", 5);
export const SCRIBES = number("scribes", 1);
export const ENTRIES_PER_S = number("entries-per-second", 0.1);
export const CLIENTS = number("clients", 1);
export const CLIENT_THREADS = Math.min(number("client-threads", 1), CLIENTS);
export const PUBLISH_EVERY_S = number("publish-every", 1);
export const PUBLIC_RATE = number("public-rate", 1);
export const CONNECTIONS = number("connections", 1);
export const FAULT = opts.fault ?? null;
if (FAULT && !((FAULT === "db-lock" && DB === "sqlite") || (FAULT === "pg-stop" && DB === "postgres"))) {
  console.error("--fault is db-lock (with --db sqlite) or pg-stop (with --db postgres)");
  process.exit(2);
}
export const FAULT_AT_S = opts["fault-at"] === undefined ? Math.round(DURATION_S / 3) : number("fault-at", 0);
export const FAULT_FOR_S = number("fault-for", 1);
export const INSTANCES = number("instances", 1);
if (INSTANCES !== 1 && (INSTANCES !== 2 || DB !== "postgres" || FAULT)) {
  console.error("--instances 2 needs --db postgres (several instances share one Postgres database and Redis) and no --fault");
  process.exit(2);
}
export const KILL_AT_S = INSTANCES === 2 ? (opts["kill-at"] === undefined ? Math.round(DURATION_S / 2) : number("kill-at", 0)) : null;

process.argv = [process.argv[0], process.argv[1], "--db", DB, "--pg-url", opts["pg-url"]!, "--build-dir", opts["build-dir"]!];
