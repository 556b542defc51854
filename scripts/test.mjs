#!/usr/bin/env node
// `npm test`: typecheck, lint and format check, build once, unit + integration tests (Postgres too when
// TEST_DATABASE_URL is set), then end-to-end tests when their config exists. Stops at the
// first failing step. The last line is `N passed, M failed` over every vitest run: CI reads it.
// A failing typecheck, lint or build counts as one failure there, so a broken run never reads "0 failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildDir = process.env.TEST_BUILD_DIR || "build";
const reports = mkdtempSync(path.join(tmpdir(), "incident-desk-test-reports-"));
const env = { ...process.env, TEST_BUILD_DIR: buildDir };
const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function run(title, command, args, extraEnv = {}) {
  console.log(`\n━━━ ${title} ━━━ ${[command, ...args].join(" ")}\n`);
  const stepStarted = Date.now();
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  const ok = result.status === 0;
  console.log(
    `\n━━━ ${title}: ${ok ? "ok" : `FAILED (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`} in ${seconds(Date.now() - stepStarted)}`,
  );
  return ok;
}

/** Runs vitest with a JSON report next to the usual output, and adds its counts to the totals. */
function vitest(title, configArgs) {
  const report = path.join(reports, `${title.replace(/\W+/g, "-")}.json`);
  const ok = run(title, "npx", ["vitest", "run", ...configArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  let failed = 0;
  if (existsSync(report)) {
    const counts = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += counts.numPassedTests;
    const skipped = counts.numPendingTests + counts.numTodoTests;
    // Tests behind a failing beforeAll are reported as skipped, and a file that cannot load has
    // no tests at all: in a failed run both count as failures, since nothing here skips on purpose.
    failed = counts.numFailedTests + (ok ? 0 : skipped);
    if (!ok && failed === 0) failed = Math.max(1, counts.numFailedTestSuites);
    if (ok) totals.skipped += skipped;
  } else if (!ok) {
    failed = 1;
  }
  totals.failed += failed;
  return ok;
}

function finish(ok) {
  rmSync(reports, { recursive: true, force: true });
  console.log(
    `\n${ok ? "All steps passed" : "Stopped at the first failing step"} in ${seconds(Date.now() - started)}` +
      (totals.skipped ? ` (${totals.skipped} skipped)` : ""),
  );
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(ok ? 0 : 1);
}

console.log(
  `Database for integration tests: SQLite${process.env.TEST_DATABASE_URL ? " and Postgres (TEST_DATABASE_URL)" : " only (set TEST_DATABASE_URL for Postgres)"}`,
);

function mustPass(ok) {
  if (!ok) totals.failed += 1;
  return ok;
}

/** The house rules (decision 0058): both tools run, so one run names every lint and format problem; one failure. */
function lint() {
  const linted = run("2/5 lint", "npm", ["run", "--silent", "lint"]);
  const formatted = run("2/5 format", "npm", ["run", "--silent", "format:check"]);
  return mustPass(linted && formatted);
}

const steps = [
  () => mustPass(run("1/5 typecheck", "npx", ["tsc"])),
  lint,
  () => mustPass(run(`3/5 build (${buildDir})`, "npx", ["remix", "vite:build"], { BUILD_DIR: buildDir })),
  () => vitest("4/5 unit and integration tests", []),
  () => {
    if (!existsSync(path.join(root, "vitest.e2e.config.ts"))) {
      console.log("\n━━━ 5/5 end-to-end tests: skipped, no vitest.e2e.config.ts");
      return true;
    }
    return vitest("5/5 end-to-end tests", ["--config", "vitest.e2e.config.ts"]);
  },
];

for (const step of steps) if (!step()) finish(false);
finish(true);
