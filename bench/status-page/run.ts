// bench/status-page: the public status page under load, against a plain node:http server
// answering the same bytes, and the time from a publish until the page shows it.
// Run: node --import tsx bench/status-page/run.ts [--db postgres] (see bench/status-page/README.md).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { captureResponses } from "./capture.ts";
import { freshDatabase, type Database } from "./database.ts";
import { agent } from "./http.ts";
import { measure, type LoadFigures } from "./load.ts";
import { BUILD_DIR, CONNECTIONS, DB, DURATION_S, log, LOG_LEVEL, PATHS, PUBLISHES, root, WARMUP_S } from "./options.ts";
import { startApp, startBaseline, type Child } from "./processes.ts";
import { conditionalGets, publishLatency, staleEtags } from "./publish.ts";
import { buildResult, printResult, writeResult } from "./report.ts";
import { seedPage } from "./seed.ts";

function ensureBuild(): string {
  const entry = path.resolve(root, BUILD_DIR, "server/index.js");
  if (!fs.existsSync(entry)) {
    log(`building the app into ${BUILD_DIR} ...`);
    const r = spawnSync("npx", ["remix", "vite:build"], {
      cwd: root,
      env: { ...process.env, BUILD_DIR },
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 300_000,
    });
    if (r.status !== 0 || !fs.existsSync(entry)) throw new Error(`the build failed (exit ${r.status ?? r.signal})`);
  }
  return `${BUILD_DIR}, built ${fs.statSync(entry).mtime.toISOString()}`;
}

async function main() {
  const startedAt = new Date().toISOString();
  // A last resort: whatever hangs, the children are killed (processes.ts) and the run ends.
  const overall = setTimeout(() => {
    log("the run took more than 10 minutes; giving up");
    process.exit(2);
  }, 600_000);
  let database: Database | null = null;
  const children: Child[] = [];
  try {
    const build = ensureBuild();
    database = await freshDatabase();
    log(`starting the app on ${database.describe} (LOG_LEVEL=${LOG_LEVEL})`);
    const app = await startApp(database.url, path.join(database.dir, "app.log"));
    children.push(app);
    const seeded = await seedPage(app.port);
    log(`seeded: ${JSON.stringify(seeded)}`);

    const captures = path.join(database.dir, "captures.json");
    await captureResponses(app.port, captures);
    const baseline = await startBaseline(captures, path.join(database.dir, "baseline.log"));
    children.push(baseline);

    const conditional = await conditionalGets(app.port, PATHS);
    const load: LoadFigures[] = [];
    for (const urlPath of PATHS) {
      load.push(await measure(app, urlPath));
      load.push(await measure(baseline, urlPath));
    }
    log(`publishing ${PUBLISHES} updates`);
    const publishes = await publishLatency(app.port, seeded.openIncidentId, seeded.componentId, PUBLISHES);
    await staleEtags(app.port, conditional);

    const cpus = os.cpus();
    const machine = `${cpus.length} cores (${cpus[0]?.model.trim()}), ${round1(
      os.totalmem() / 2 ** 30,
    )} GiB, Node ${process.version}, load avg ${os.loadavg().map(round1).join(" ")}`;
    const result = buildResult(
      {
        db: DB,
        startedAt,
        build,
        machine,
        logLevel: LOG_LEVEL,
        seeded,
        connections: CONNECTIONS,
        durationS: DURATION_S,
        warmupS: WARMUP_S,
      },
      load,
      publishes,
      conditional,
    );
    printResult(result);
    writeResult(result);
    const missed = result.comparison.some((c) => !c.meetsRatio || !c.meetsP99) || !result.meetsPublish || !result.conditionalOk;
    if (missed) process.exitCode = 1;
  } catch (error) {
    log(`failed: ${(error as Error).stack ?? error}`);
    for (const child of children) log(`${child.name} output (tail):\n${child.output()}`);
    process.exitCode = 1;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    agent.destroy();
    await database?.drop().catch((error) => log(`dropping the database: ${(error as Error).message}`));
    clearTimeout(overall);
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

await main();
