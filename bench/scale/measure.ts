// Timing one route of the running app: sequential GETs after a warm-up, each tagged with an
// x-request-id so its server time (request in → response finished, from the app's request log)
// can be told from the round trip the benchmark sees.
import type { AppProcess } from "../../tests/setup/app-process.ts";

export type Stats = { n: number; median: number; p95: number; max: number };
export type Timing = {
  what: string;
  path: string;
  status: number;
  bytes: number;
  server: Stats;
  roundTrip: Stats;
  goalMs: number;
  met: boolean;
};

export function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  const r = (n: number) => Math.round(n * 10) / 10;
  return { n: s.length, median: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1] ?? NaN) };
}

let routeNumber = 0;

/** The server's own time for each request whose id starts with `prefix`, in order. */
function serverTimes(app: AppProcess, prefix: string): number[] {
  return app
    .logs()
    .split("\n")
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; requestId?: string; ms?: number };
        return entry.msg === "request" && entry.requestId?.startsWith(prefix) && typeof entry.ms === "number" ? [entry.ms] : [];
      } catch {
        return [];
      }
    });
}

export async function get(
  app: AppProcess,
  token: string,
  path: string,
  requestId?: string,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(app.baseUrl + path, {
    headers: { Authorization: `Bearer ${token}`, ...(requestId ? { "x-request-id": requestId } : {}) },
  });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

export async function timeRoute(
  app: AppProcess,
  token: string,
  route: { what: string; path: string },
  options: { requests: number; warmup: number; goalMs: number },
): Promise<Timing> {
  const prefix = `scale-${++routeNumber}-`;
  const roundTrip: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < options.warmup + options.requests; i++) {
    const res = await get(app, token, route.path, `${prefix}${i < options.warmup ? "w" : "m"}${i}`);
    if (res.status !== 200) throw new Error(`${route.what} (${route.path}): HTTP ${res.status} ${res.body.slice(0, 300)}`);
    status = res.status;
    bytes = Buffer.byteLength(res.body);
    if (i >= options.warmup) roundTrip.push(res.ms);
  }
  // The last request's log line may still be on its way; the app keeps its last 200 lines.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const server = serverTimes(app, `${prefix}m`);
  if (server.length < options.requests) throw new Error(`${route.what}: found ${server.length} of ${options.requests} request log lines`);
  const s = stats(server);
  return { ...route, status, bytes, server: s, roundTrip: stats(roundTrip), goalMs: options.goalMs, met: s.p95 < options.goalMs };
}

export function table(rows: Timing[]): string {
  const lines = [
    "| measured | path | n | server median | server p95 | server max | round trip p95 | size | goal p95 |",
    "| --- | --- | --: | --: | --: | --: | --: | --: | --: |",
  ];
  for (const r of rows) {
    const size = r.bytes > 10_000 ? `${Math.round(r.bytes / 1024)} KiB` : `${r.bytes} B`;
    lines.push(
      `| ${r.what} | \`${r.path.length > 60 ? `${r.path.slice(0, 57)}…` : r.path}\` | ${r.server.n} | ${r.server.median} | **${r.server.p95}** | ${r.server.max} | ${r.roundTrip.p95} | ${size} | < ${r.goalMs} ${r.met ? "✓" : "✗"} |`,
    );
  }
  return lines.join("\n");
}
