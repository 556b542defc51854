// The public paths at a fixed rate (autocannon's overallRate), one autocannon per path so each
// has its own latencies; every response's status is counted against a time window as well,
// so a fault's window can be read apart from the rest.
import autocannon from "autocannon";

export type PublicFigures = {
  path: string;
  targetRate: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  /** responses that arrived inside the fault's window, by status, and their slowest */
  duringFault: { statuses: Record<string, number>; maxMs: number } | null;
};

export function loadPublicPath(
  port: number,
  path: string,
  rate: number,
  connections: number,
  durationS: number,
  faultWindow: () => [number, number] | null,
) {
  const statuses: Record<string, number> = {};
  const during: Record<string, number> = {};
  let duringMax = 0;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${path}`,
        connections,
        overallRate: rate,
        duration: durationS,
        timeout: 10,
        headers: {
          accept: "text/html,application/json;q=0.9,*/*;q=0.8",
          "accept-encoding": "gzip, deflate, br",
          "user-agent": "bench-load",
        },
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      const window = faultWindow();
      const now = performance.now();
      if (window && now >= window[0] && now <= window[1]) {
        during[statusCode] = (during[statusCode] ?? 0) + 1;
        duringMax = Math.max(duringMax, ms);
      }
    });
  });
  return result.then((r): PublicFigures => ({
    path,
    targetRate: rate,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statuses,
    duringFault: faultWindow() ? { statuses: during, maxMs: Math.round(duringMax) } : null,
  }));
}
