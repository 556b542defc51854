// The app under test: a child process on a free port of 127.0.0.1 with a fresh database
// (a SQLite file in a new temp dir, or a Postgres database created and dropped here).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createBenchPostgres } from "../shared/postgres-database.ts";
import { request } from "./api.ts";
import { log } from "./log.ts";
import { BUILD_DIR, DB, opts, root, TOKEN } from "./options.ts";
import { sleep } from "./wait.ts";

export function freePort(): Promise<number> {
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

export type Database = { url: string; describe: string; drop: () => Promise<void> };

export async function freshDatabase(): Promise<Database> {
  if (DB === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-timeline-"));
    return {
      url: `file:${path.join(dir, "app.db")}`,
      describe: `SQLite file in ${dir}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  return createBenchPostgres(opts["pg-url"]!, "bench_timeline");
}

export type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

export function startServer(port: number, databaseUrl: string, profileDir: string | null): Server {
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
      // every client is the one token from one address: more streams than the app lets them hold
      EVENT_STREAMS_PER_TOKEN: "100000",
      EVENT_STREAMS_PER_IP: "100000",
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

export async function waitHealthy(server: Server, ms: number) {
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

export async function stopServer(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const code = await Promise.race([server.exited, sleep(12_000).then(() => "timeout" as const)]);
  if (code === "timeout") {
    log("the server did not stop within 12 s of SIGTERM; killing it");
    server.child.kill("SIGKILL");
    await Promise.race([server.exited, sleep(2_000)]);
  }
}
