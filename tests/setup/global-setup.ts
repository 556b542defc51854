// Once per integration run: make sure the app is built, then migrate and seed one template
// database per kind, which every test file copies (app-server.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { BUILD_DIR, REPO_ROOT } from "./app-process.ts";
import {
  createPostgresTemplate,
  createSqliteTemplate,
  dropPostgresDatabase,
  dropStalePostgresDatabases,
  postgresAdminUrl,
} from "./test-databases.ts";

function ensureBuild() {
  if (existsSync(path.join(REPO_ROOT, BUILD_DIR, "server/index.js"))) return;
  // `npm test` builds first; a bare `npx vitest` builds here so it still works.
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: REPO_ROOT, env: { ...process.env, BUILD_DIR }, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`building the app into ${BUILD_DIR} failed`);
}

export default async function setup(project: TestProject) {
  ensureBuild();
  const dir = mkdtempSync(path.join(tmpdir(), "incident-desk-templates-"));
  const adminUrl = postgresAdminUrl();
  if (adminUrl) await dropStalePostgresDatabases(adminUrl);
  const [sqliteTemplate, postgresTemplate] = await Promise.all([
    createSqliteTemplate(dir),
    adminUrl ? createPostgresTemplate(adminUrl) : Promise.resolve(null),
  ]);
  project.provide("sqliteTemplate", sqliteTemplate);
  project.provide("postgresTemplate", postgresTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl && postgresTemplate) await dropPostgresDatabase(adminUrl, postgresTemplate);
  };
}
