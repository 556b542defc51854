// Runs the real server (`node --import tsx server.ts`) as a child process on a free port,
// the way production runs it, and waits until /healthz answers. No vitest imports here:
// the global setup, the benchmark and the e2e suite use it too.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The build the servers run; `scripts/test.mjs` builds it once before the suites start. */
export const BUILD_DIR = process.env.TEST_BUILD_DIR ?? "build";

/** The admin token every test server bootstraps (BOOTSTRAP_ADMIN_TOKEN needs 24+ characters). */
export const ADMIN_TOKEN = "itest-admin-token-3f9c1e7a5b2d4c60";

/** TEST_STARTUP_TIMEOUT_MS: how long a test server may take to answer; a crowded machine can take a minute to seed. */
const STARTUP_TIMEOUT_MS = Number(process.env.TEST_STARTUP_TIMEOUT_MS ?? 180_000);
const LOG_LINES_KEPT = 200;

export type AppProcess = {
  baseUrl: string;
  port: number;
  pid: number;
  /** The last lines the server printed, for failure messages. */
  logs(): string;
  /** Resolves when the process has exited, with its exit code (null when a signal ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave servers holding ports and database files.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server with `env` over the inherited environment; retries once if the port was taken meanwhile. */
export async function spawnApp(env: Record<string, string>): Promise<AppProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(await freePort(), env);
    } catch (error) {
      if (attempt >= 3 || !String((error as Error).message).includes("EADDRINUSE")) throw error;
    }
  }
}

async function launch(port: number, env: Record<string, string>): Promise<AppProcess> {
  // Redis only for the tests that ask for it (env.REDIS_URL): the others count limits on their own.
  const { REDIS_URL: _onlyWhenAsked, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      // The runner sets NODE_ENV=test, which would load React's development build in the server.
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
      BUILD_DIR,
      // A stopping test server does not wait for a balancer (tests of the wait set their own).
      SHUTDOWN_READY_GRACE_MS: "0",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  void exited.then(() => running.delete(child));
  const logs = () => lines.join("\n");

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited (code ${child.exitCode}) before answering /healthz:\n${logs()}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not answer /healthz within ${STARTUP_TIMEOUT_MS} ms:\n${logs()}`);
    }
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await delay(50);
  }

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    // Graceful shutdown waits for open SSE streams; a test does not need to wait that long.
    await Promise.race([exited, delay(3_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  return { baseUrl, port, pid: child.pid!, logs, exited, stop };
}
