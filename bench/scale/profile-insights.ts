// Where the insights' time goes, in process, on a database bench:scale kept (`--keep`):
//
//   DATABASE_URL=file:/tmp/…/app.db RUNS=10 node --import tsx bench/scale/profile-insights.ts
//   (add --cpu-prof before --import for a profile per function)
//
// Times every Prisma query (wall, as they run side by side), the whole read and the whole
// computation (wall and CPU), each part of the computation on its own, and the page's data as
// JSON and as Remix's turbo-stream. Prints min / median / max over RUNS after 3 warm-ups; on a
// busy machine the min and the CPU times are the figures to read. Decision 0020 used it.
import { performance } from "node:perf_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { encode } from "turbo-stream";
import { PrismaClient as PostgresClient } from "../../app/generated/prisma-pg/client.ts";
import { PrismaClient as SqliteClient } from "../../app/generated/prisma-sqlite/client.ts";
import type { InsightsData } from "../../app/modules/insights/model.ts";
import { singleton } from "../../app/utils/singleton.ts";

const timings: Record<string, number[]> = {};
const note = (key: string, value: number) => (timings[key] ??= []).push(value);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("set DATABASE_URL to the database bench:scale kept");

// The app's client with every query timed; db.server.ts takes it as the process's "db" singleton.
const base = url.startsWith("postgres")
  ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as SqliteClient)
  : new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
singleton("db", () =>
  base.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const started = performance.now();
          const result = await query(args);
          note(`query ${model}.${operation}`, performance.now() - started);
          return result;
        },
      },
      async $queryRaw({ args, query }) {
        const started = performance.now();
        const result = await query(args);
        note("query $queryRaw (each)", performance.now() - started);
        return result;
      },
    },
  }),
);

const { loadInsightsData } = await import("../../app/modules/insights/insights.server.ts");
const { computeInsights } = await import("../../app/modules/insights/insights.ts");
const { insightsPageData } = await import("../../app/modules/insights/page-data.ts");
const { componentInsights } = await import("../../app/modules/insights/uptime.ts");
const { incidentsPerWeek, startedIn, timeToInsights } = await import("../../app/modules/insights/metrics.ts");
const { commsInsights } = await import("../../app/modules/insights/comms.ts");
const { actionItemInsights } = await import("../../app/modules/insights/action-items.ts");
const { InsightsQuerySchema } = await import("../../app/modules/insights/query.ts");

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

function timeParts(data: InsightsData) {
  const { range, timeZone } = data.filters;
  const period = { from: range.from, to: range.to };
  // copies, so the per-incident caches of one part do not serve the next
  const current = () => data.incidents.filter((i) => startedIn(i, period)).map((i) => ({ ...i }));
  const previous = () => data.incidents.filter((i) => startedIn(i, { from: range.previousFrom, to: range.from })).map((i) => ({ ...i }));
  const parts: [string, () => unknown][] = [
    [
      "uptime",
      () =>
        componentInsights({
          components: data.components,
          windows: data.windows,
          weights: data.weights,
          timeZone,
          asOf: range.asOf,
          from: range.from,
          slaTarget: data.filters.slaTarget,
          ownTargets: !data.filters.slaFromQuery,
        }),
    ],
    ["incidents per week", () => incidentsPerWeek(current(), period, timeZone)],
    ["time to", () => timeToInsights(current(), previous(), period, timeZone)],
    ["comms", () => commsInsights(current(), previous(), period, timeZone, data.now)],
    ["action items", () => actionItemInsights(data.actionItems, period, timeZone, data.now)],
  ];
  for (const [name, run] of parts) {
    const started = performance.now();
    run();
    note(`part ${name}`, performance.now() - started);
  }
}

const query = InsightsQuerySchema.parse({});
const runs = Number(process.env.RUNS ?? 10);
for (let run = 0; run < runs + 3; run++) {
  if (run === 3) for (const key of Object.keys(timings)) delete timings[key];
  let [wall, cpu] = [performance.now(), cpuMs()];
  const data = await loadInsightsData(query);
  note("read (wall)", performance.now() - wall);
  note("read (cpu)", cpuMs() - cpu);
  timeParts(data);
  [wall, cpu] = [performance.now(), cpuMs()];
  const insights = computeInsights(data);
  note("compute (wall)", performance.now() - wall);
  note("compute (cpu)", cpuMs() - cpu);
  wall = performance.now();
  const pageData = insightsPageData(insights);
  note("page data as JSON bytes", JSON.stringify(pageData).length);
  note("page data + JSON (wall)", performance.now() - wall);
  wall = performance.now();
  const reader = encode({ data: pageData }).getReader();
  for (;;) if ((await reader.read()).done) break;
  note("page data as turbo-stream (wall)", performance.now() - wall);
  note("rows: incidents", data.incidents.length);
  note("rows: uptime windows", data.windows.length);
  note("rows: action items", data.actionItems.length);
}
for (const [key, values] of Object.entries(timings)) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `${key.padEnd(36)} min ${f(sorted[0])}  median ${f(sorted[Math.floor(sorted.length / 2)])}  max ${f(sorted[sorted.length - 1])}  n ${sorted.length}`,
  );
}
process.exit(0);
