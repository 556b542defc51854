// bench/lighthouse: Lighthouse (mobile profile, Debian's Chromium) on the public pages, with the
// demo data and an incident open. Goal: performance >= 95 on /status. Run on purpose:
//
//   npm run bench:lighthouse [-- --runs 3] [--json bench/results/lighthouse.json]
//
// It starts the built app (TEST_BUILD_DIR, default "build") on a fresh SQLite database with the
// demo data, declares a SEV2 and publishes its first update through the API, then runs Lighthouse
// on /status, /status/history, /status/incidents/:id, /status/uptime and /status/embed, `runs`
// times each, and prints the median of each figure.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ADMIN_TOKEN, BUILD_DIR, REPO_ROOT, spawnApp } from "../../tests/setup/app-process.ts";
import { runLighthouse, type LighthouseFigures } from "../../tests/setup/lighthouse.ts";
import { publishOpenIncident } from "../../tests/setup/status-demo.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, json: { type: "string" } } });
const RUNS = Math.max(1, Number(values.runs));
const log = (message: string) => console.log(`[bench:lighthouse] ${message}`);

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function summary(path: string, runs: LighthouseFigures[]) {
  const m = (pick: (f: LighthouseFigures) => number) => median(runs.map(pick));
  return {
    path,
    performance: m((f) => f.scores.performance),
    accessibility: m((f) => f.scores.accessibility),
    bestPractices: m((f) => f.scores.bestPractices),
    seo: m((f) => f.scores.seo),
    fcpMs: m((f) => f.metrics.firstContentfulPaint),
    lcpMs: m((f) => f.metrics.largestContentfulPaint),
    tbtMs: m((f) => f.metrics.totalBlockingTime),
    speedIndexMs: m((f) => f.metrics.speedIndex),
    cls: m((f) => f.metrics.cumulativeLayoutShift),
    domElements: m((f) => f.dom.elements),
    htmlKB: Math.round(m((f) => f.htmlBytes) / 102.4) / 10,
    transferKB: Math.round(m((f) => f.totalBytes) / 102.4) / 10,
    renderBlocking: runs[0].renderBlocking.length,
  };
}

async function main() {
  if (!existsSync(path.join(REPO_ROOT, BUILD_DIR, "server/index.js")))
    throw new Error(`No build in ${BUILD_DIR}: run BUILD_DIR=${BUILD_DIR} npx remix vite:build first.`);
  const dir = mkdtempSync(path.join(tmpdir(), "bench-lighthouse-"));
  const app = await spawnApp({ DATABASE_URL: `file:${path.join(dir, "app.db")}`, BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: "warn" });
  try {
    const { incidentId } = await publishOpenIncident(app.baseUrl, ADMIN_TOKEN);
    const paths = ["/status", "/status/history", `/status/incidents/${incidentId}`, "/status/uptime", "/status/embed"];
    log(`app on ${app.baseUrl}, incident ${incidentId} open; ${RUNS} run(s) per page`);
    const byPath = new Map<string, LighthouseFigures[]>(paths.map((p) => [p, []]));
    for (let run = 0; run < RUNS; run++) {
      const figures = await runLighthouse(paths.map((p) => app.baseUrl + p));
      figures.forEach((f, i) => byPath.get(paths[i])!.push(f));
      log(`run ${run + 1}: ${figures.map((f, i) => `${paths[i].replace(incidentId, ":id")} ${f.scores.performance}`).join(", ")}`);
    }
    const rows = paths.map((p) => summary(p.replace(incidentId, ":id"), byPath.get(p)!));
    console.table(rows);
    for (const [p, runs] of byPath)
      if (runs[0].failedAudits.length) log(`${p.replace(incidentId, ":id")} loses points on: ${runs[0].failedAudits.join(", ")}`);
    const status = byPath.get("/status")!;
    log(`/status main thread (first run, ms): ${JSON.stringify(status[0].mainThread)}`);
    if (values.json) {
      mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
      writeFileSync(
        values.json,
        JSON.stringify({ at: new Date().toISOString(), runs: RUNS, rows, raw: Object.fromEntries(byPath) }, null, 2),
      );
    }
    const goal = rows[0].performance >= 95;
    log(`/status performance ${rows[0].performance} (goal >= 95): ${goal ? "met" : "NOT met"}`);
    process.exitCode = goal ? 0 : 1;
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
