// Load with autocannon's programmatic API: a warm-up whose figures are dropped, then the
// measured run, both with the headers a browser sends. The server's CPU over the measured
// run comes from /proc, so a ratio can be read as "CPU per request" too.
import autocannon from "autocannon";
import { cpuSeconds, machineBusySeconds, type Child } from "./processes.ts";
import { CONNECTIONS, DURATION_S, log, round, WARMUP_S } from "./options.ts";

export type LoadFigures = {
  target: string;
  path: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
  /** cores the server process kept busy during the measured run */
  serverCores: number;
  serverCpuMsPerRequest: number;
  /** cores autocannon (this process) kept busy */
  benchCores: number;
  /** cores everything else kept busy (Postgres, other people's work): check it before trusting a p99 */
  otherCores: number;
};

const BROWSER_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.7",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "en-GB,en;q=0.9",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) bench-status-page",
};

function cannon(url: string, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration,
        headers: BROWSER_HEADERS,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

export async function measure(server: Child, path: string): Promise<LoadFigures> {
  const url = `http://127.0.0.1:${server.port}${path}`;
  await cannon(url, WARMUP_S);
  const cpuStart = cpuSeconds(server.pid);
  const machineStart = machineBusySeconds();
  const benchStart = process.cpuUsage();
  const started = performance.now();
  const r = await cannon(url, DURATION_S);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(server.pid) - cpuStart;
  const benchUsage = process.cpuUsage(benchStart);
  const bench = (benchUsage.user + benchUsage.system) / 1e6;
  const machine = machineBusySeconds() - machineStart;
  const requests = r.requests.total;
  const figures: LoadFigures = {
    target: server.name,
    path,
    requestsPerSecond: round(r.requests.average, 0),
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
    },
    requests,
    non2xx: r.non2xx,
    errors: r.errors,
    bytesPerResponse: requests ? Math.round(r.throughput.total / requests) : 0,
    serverCores: round(cpu / seconds, 2),
    serverCpuMsPerRequest: requests ? round((cpu * 1000) / requests, 3) : NaN,
    benchCores: round(bench / seconds, 2),
    otherCores: round(Math.max(0, machine - cpu - bench) / seconds, 2),
  };
  log(
    `${server.name} ${path}: ${figures.requestsPerSecond} req/s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, ` +
      `${figures.bytesPerResponse} B/response, server ${figures.serverCores} / autocannon ${figures.benchCores} / other ${figures.otherCores} cores, non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
  return figures;
}
