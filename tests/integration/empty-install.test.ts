// An installation without demo data: the operator creates the first admin from the command
// line, and the app then starts with a bootstrap token owned by that admin.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, REPO_ROOT, spawnApp, type AppProcess } from "../setup/app-process.ts";

describe("an empty installation", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "incident-desk-empty-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "app.db")}`, SEED_DEMO_DATA: "never", LOG_LEVEL: "warn" };
  let app: AppProcess | undefined;
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const createUser = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/create-user.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...env, ...extraEnv },
      encoding: "utf8",
    });

  it("gets its first admin from npm run user:create, then serves with no demo data", async () => {
    const bad = createUser(["--email", "not-an-email", "--name", "Ops"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("email");

    const made = createUser(["--email", "ops@example.com", "--name", "Ops Lead", "--role", "admin"]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain("Created admin ops@example.com.");
    expect(made.stdout).toMatch(/Password \(shown once\): \S{20,}/);

    const again = createUser(["--email", "ops@example.com", "--name", "Ops Lead"], { NEW_USER_PASSWORD: "another-long-password" });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");

    app = await spawnApp({ DATABASE_URL: env.DATABASE_URL, SEED_DEMO_DATA: "never", BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN });
    const res = await fetch(`${app.baseUrl}/api/v1/incidents`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).incidents).toEqual([]);
    const components = await fetch(`${app.baseUrl}/api/v1/components`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect((await components.json()).components).toEqual([]);
  }, 90_000);
});
