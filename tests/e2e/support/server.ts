// The app for one e2e test file: the real server (tests/setup/app-process.ts, shared with the
// integration suite) on a fresh SQLite database of its own, with an admin API token.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ADMIN_TOKEN, BUILD_DIR, REPO_ROOT, spawnApp } from "../../setup/app-process.ts";

export const repoRoot = REPO_ROOT;

export type AppServer = {
  baseUrl: string;
  port: number;
  /** An admin API token (BOOTSTRAP_ADMIN_TOKEN) for checks through the JSON API. */
  adminToken: string;
  /** The last lines the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

/** The build the suite runs against: TEST_BUILD_DIR (scripts/test.mjs builds it), default "build". */
export function buildDir(): string {
  return path.resolve(REPO_ROOT, BUILD_DIR);
}

export async function startServer(options: { env?: Record<string, string> } = {}): Promise<AppServer> {
  const dir = buildDir();
  if (!existsSync(path.join(dir, "server/index.js"))) {
    throw new Error(
      `No app build in ${dir}. Build first: BUILD_DIR=${path.relative(REPO_ROOT, dir) || "."} npx remix vite:build (or set TEST_BUILD_DIR).`,
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "incident-desk-e2e-"));
  try {
    const app = await spawnApp({
      DATABASE_URL: `file:${path.join(dataDir, "app.db")}`,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      ...options.env,
    });
    return {
      baseUrl: app.baseUrl,
      port: app.port,
      adminToken: ADMIN_TOKEN,
      output: app.logs,
      stop: async () => {
        await app.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
