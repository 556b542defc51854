// Starts the real app (server.ts over a production build) on a free port with a fresh
// SQLite database, waits for /healthz, and stops it again. One server per test file.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export type AppServer = {
  baseUrl: string;
  port: number;
  /** An admin API token (BOOTSTRAP_ADMIN_TOKEN) for checks through the JSON API. */
  adminToken: string;
  /** Everything the server wrote to stdout and stderr, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

/** The build the suite runs against: TEST_BUILD_DIR (scripts/test.mjs builds it), default "build". */
export function buildDir(): string {
  return path.resolve(repoRoot, process.env.TEST_BUILD_DIR ?? "build");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`The app did not answer /healthz with 200 within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<AppServer> {
  const dir = buildDir();
  if (!existsSync(path.join(dir, "server/index.js"))) {
    throw new Error(`No app build in ${dir}. Build first: BUILD_DIR=${path.relative(repoRoot, dir) || "."} npx remix vite:build (or set TEST_BUILD_DIR).`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "incident-desk-e2e-"));
  const adminToken = `e2e-admin-${randomBytes(18).toString("hex")}`;

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        BUILD_DIR: dir,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${path.join(dataDir, "app.db")}`,
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
        BOOTSTRAP_ADMIN_TOKEN: adminToken,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const append = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.length > 200_000) log = log.slice(-100_000);
    };
    child.stdout!.on("data", append);
    child.stderr!.on("data", append);
    const output = () => log;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    };

    try {
      await waitForHealth(baseUrl, child, output, options.timeoutMs ?? 90_000);
      return { baseUrl, port, adminToken, output, stop };
    } catch (error) {
      lastError = error;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      // A port taken between probing and listening shows up as EADDRINUSE: try another.
      if (!/EADDRINUSE/.test(log)) break;
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  throw lastError;
}
