// The figures: a table on stdout, and results.json (one entry per database, replaced by
// the next run on the same database, so the file stays small).
import fs from "node:fs";
import type { LoadFigures } from "./load.ts";
import { OUT, round } from "./options.ts";
import type { ConditionalCheck, PublishSample } from "./publish.ts";

export const GOALS = { ratio: 0.5, p99Ms: 20, publishMs: 1000 };

function spread(values: (number | null)[]) {
  const s = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return {
    n: s.length,
    missing: values.length - s.length,
    median: round(at(0.5), 2),
    p90: round(at(0.9), 2),
    max: round(s[s.length - 1] ?? NaN, 2),
  };
}

export type RunInfo = {
  db: string;
  startedAt: string;
  build: string;
  machine: string;
  logLevel: string;
  seeded: unknown;
  connections: number;
  durationS: number;
  warmupS: number;
};

export function buildResult(info: RunInfo, load: LoadFigures[], publishes: PublishSample[], conditional: ConditionalCheck[]) {
  const paths = [...new Set(load.map((f) => f.path))];
  const comparison = paths.map((path) => {
    const app = load.find((f) => f.path === path && f.target === "app")!;
    const base = load.find((f) => f.path === path && f.target === "baseline")!;
    const ratio = round(app.requestsPerSecond / base.requestsPerSecond, 2);
    return {
      path,
      appRps: app.requestsPerSecond,
      baselineRps: base.requestsPerSecond,
      ratio,
      appP50Ms: app.latencyMs.p50,
      appP99Ms: app.latencyMs.p99,
      baselineP50Ms: base.latencyMs.p50,
      baselineP99Ms: base.latencyMs.p99,
      appCpuMsPerRequest: app.serverCpuMsPerRequest,
      otherCores: Math.max(app.otherCores, base.otherCores),
      baselineCpuMsPerRequest: base.serverCpuMsPerRequest,
      meetsRatio: ratio >= GOALS.ratio,
      meetsP99: app.latencyMs.p99 < GOALS.p99Ms,
    };
  });
  const publish = {
    post: spread(publishes.map((p) => p.postMs)),
    summaryAfterReturn: spread(publishes.map((p) => p.summaryAfterReturnMs)),
    statusAfterReturn: spread(publishes.map((p) => p.statusAfterReturnMs)),
    summaryAfterSend: spread(publishes.map((p) => p.summaryAfterSendMs)),
  };
  const meetsPublish =
    publish.summaryAfterReturn.missing === 0 &&
    publish.statusAfterReturn.missing === 0 &&
    Math.max(publish.summaryAfterReturn.max, publish.statusAfterReturn.max) < GOALS.publishMs;
  const conditionalOk = conditional.every((c) => c.currentGives === 304 && c.weakGives === 304 && c.staleGives === 200);
  return {
    ...info,
    goals: GOALS,
    comparison,
    load,
    publish,
    meetsPublish,
    conditional,
    conditionalOk,
  };
}

export type Result = ReturnType<typeof buildResult>;

export function printResult(r: Result) {
  const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  console.log(
    `\nstatus page under load, ${r.db}, ${r.connections} connections, ${r.durationS} s after ${r.warmupS} s warm-up, LOG_LEVEL=${r.logLevel}`,
  );
  console.log(
    row([
      "path",
      "app req/s",
      "baseline req/s",
      "ratio",
      "app p50 / p99 ms",
      "baseline p50 / p99 ms",
      "CPU ms/req app / baseline",
      "other cores",
      "goals",
    ]),
  );
  console.log(row(["---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "---"]));
  for (const c of r.comparison) {
    const goals = `${c.meetsRatio ? "ratio ok" : "RATIO MISSED"}, ${c.meetsP99 ? "p99 ok" : "P99 MISSED"}`;
    console.log(
      row([
        c.path,
        c.appRps,
        c.baselineRps,
        c.ratio,
        `${c.appP50Ms} / ${c.appP99Ms}`,
        `${c.baselineP50Ms} / ${c.baselineP99Ms}`,
        `${c.appCpuMsPerRequest} / ${c.baselineCpuMsPerRequest}`,
        c.otherCores,
        goals,
      ]),
    );
  }
  const p = r.publish;
  console.log(`\npublish to served (${p.summaryAfterReturn.n + p.summaryAfterReturn.missing} publishes), ms: median / p90 / max`);
  console.log(`  POST /api/v1/incidents/:id/updates           ${p.post.median} / ${p.post.p90} / ${p.post.max}`);
  console.log(
    `  call returned -> in /api/v2/summary.json     ${p.summaryAfterReturn.median} / ${p.summaryAfterReturn.p90} / ${p.summaryAfterReturn.max}  (missing ${p.summaryAfterReturn.missing})`,
  );
  console.log(
    `  call returned -> in /status                  ${p.statusAfterReturn.median} / ${p.statusAfterReturn.p90} / ${p.statusAfterReturn.max}  (missing ${p.statusAfterReturn.missing})`,
  );
  console.log(
    `  POST sent -> in /api/v2/summary.json         ${p.summaryAfterSend.median} / ${p.summaryAfterSend.p90} / ${p.summaryAfterSend.max}`,
  );
  console.log(`  goal < ${r.goals.publishMs} ms: ${r.meetsPublish ? "met" : "MISSED"}`);
  for (const c of r.conditional)
    console.log(`If-None-Match ${c.path}: current ${c.currentGives}, weak ${c.weakGives}, stale ${c.staleGives}`);
  console.log(`conditional GETs: ${r.conditionalOk ? "ok" : "WRONG"}`);
}

export function writeResult(r: Result) {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(OUT, "utf8"));
  } catch {
    all = {};
  }
  all[r.db] = r;
  fs.writeFileSync(OUT, JSON.stringify(all, null, 2) + "\n");
}
