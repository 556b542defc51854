// One worker thread of SSE clients for bench/timeline/run.ts. Each client is a plain
// node:http GET on its own socket (an Agent with maxSockets Infinity, keep-alive off),
// parsed by a minimal SSE parser. A client never reconnects (a dropped stream is an error
// in the report, not something to paper over), unless the run asks it to (`reconnect`, for
// bench/load --instances 2, where one instance is killed): then it opens the stream again
// with the Last-Event-ID of the last event it had, as a browser's EventSource does, and counts it. Times are process.hrtime (CLOCK_MONOTONIC),
// the same clock in every thread, in milliseconds.
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

export type ClientsConfig = {
  port: number;
  incidentId: string;
  token: string;
  /** Global index of this worker's first client (for the report). */
  firstIndex: number;
  count: number;
  /** Sent as Last-Event-ID, so no client replays the incident's history. */
  afterSeq: number;
  /** Open the stream again (Last-Event-ID: the last seq seen) when it drops, after `retry:`. */
  reconnect?: boolean;
};

/** Messages from the worker to client-threads.ts. */
export type FromClients =
  | { type: "connected"; count: number }
  | { type: "complete"; seq: number; at: number }
  | { type: "failed"; index: number; reason: string }
  | { type: "report"; clients: ClientReport[]; eventLoopDelayMs: { p50: number; p99: number; max: number } };

/** Messages from client-threads.ts to the worker. */
export type ToClients = { type: "stop" };

export type ClientReport = {
  index: number;
  /** Sequence numbers in the order they were parsed, with the time each arrived. */
  seqs: number[];
  times: number[];
  heartbeats: number;
  /** Events whose data.seq did not match their id line, or that did not parse. */
  malformed: number;
  error: string | null;
  /** Streams opened again after one dropped (with `reconnect`), and why the first dropped. */
  reconnects: number;
  firstDrop: string | null;
};

export const now = () => Number(process.hrtime.bigint()) / 1e6;

function runClients(config: ClientsConfig, port: NonNullable<typeof parentPort>) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity, maxTotalSockets: Infinity });
  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  let connected = 0;
  const received = new Map<number, number>(); // seq -> clients of this worker that have it
  const reports: ClientReport[] = [];
  const requests: http.ClientRequest[] = [];
  let stopping = false;

  for (let i = 0; i < config.count; i++) {
    const report: ClientReport = {
      index: config.firstIndex + i,
      seqs: [],
      times: [],
      heartbeats: 0,
      malformed: 0,
      error: null,
      reconnects: 0,
      firstDrop: null,
    };
    reports.push(report);
    let isConnected = false;
    let lastSeq = config.afterSeq;
    let retryMs = 1_000;
    const seen = new Set<number>();
    const fail = (reason: string) => {
      if (stopping || report.error) return;
      report.error = reason;
      port.postMessage({ type: "failed", index: report.index, reason } satisfies FromClients);
    };
    // A dropped stream: an error, or (with `reconnect`, once it had connected) opened again.
    let dropped = false;
    const drop = (reason: string) => {
      if (stopping || dropped) return;
      dropped = true;
      if (!config.reconnect || !isConnected) return fail(reason);
      report.firstDrop ??= reason;
      report.reconnects++;
      setTimeout(() => {
        dropped = false;
        if (!stopping) open();
      }, retryMs);
    };
    const open = () => {
      const req = http.request({
        host: "127.0.0.1",
        port: config.port,
        path: `/api/v1/incidents/${encodeURIComponent(config.incidentId)}/events`,
        method: "GET",
        agent,
        headers: {
          Accept: "text/event-stream",
          Authorization: `Bearer ${config.token}`,
          "Last-Event-ID": String(lastSeq),
        },
      });
      requests.push(req);
      req.on("error", (error) => drop(`request: ${error.message}`));
      req.on("response", (res) => {
        if (res.statusCode !== 200) {
          drop(`status ${res.statusCode}`);
          res.resume();
          return;
        }
        // The server must neither compress nor buffer the stream (compression() filters text/event-stream).
        if (res.headers["content-encoding"]) fail(`the stream is compressed (${res.headers["content-encoding"]})`);
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          // The time of receipt: when this client's socket data reached JavaScript.
          const at = now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let id: number | null = null;
            let type = "message";
            let data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith(":")) {
                if (line === ": connected" && !isConnected) {
                  isConnected = true;
                  if (++connected === config.count) port.postMessage({ type: "connected", count: connected } satisfies FromClients);
                } else if (line === ": heartbeat") report.heartbeats++;
              } else if (line.startsWith("id:")) id = Number(line.slice(3).trim());
              else if (line.startsWith("event:")) type = line.slice(6).trim();
              else if (line.startsWith("data:")) data += (data ? "\n" : "") + line.slice(5).replace(/^ /, "");
              else if (line.startsWith("retry:") && /^\d+$/.test(line.slice(6).trim()))
                retryMs = Math.min(Number(line.slice(6).trim()), 5_000);
            }
            if (id === null || !data) continue; // the retry/connected preamble, heartbeats
            try {
              const parsed = JSON.parse(data) as { seq?: unknown };
              if (type === "timeline.created" && parsed.seq !== id) report.malformed++;
            } catch {
              report.malformed++;
            }
            report.seqs.push(id);
            report.times.push(at);
            lastSeq = id;
            if (seen.has(id)) continue; // shown twice: counted in the report, not twice towards "complete"
            seen.add(id);
            const n = (received.get(id) ?? 0) + 1;
            received.set(id, n);
            if (n === config.count) port.postMessage({ type: "complete", seq: id, at } satisfies FromClients);
          }
        });
        res.on("end", () => drop("stream ended"));
        res.on("aborted", () => drop("stream aborted"));
        res.on("error", (error) => drop(`response: ${error.message}`));
      });
      req.end();
    };
    open();
  }

  port.on("message", (message: ToClients) => {
    if (message.type !== "stop") return;
    stopping = true;
    for (const req of requests) req.destroy();
    agent.destroy();
    eld.disable();
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    port.postMessage({
      type: "report",
      clients: reports,
      eventLoopDelayMs: { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max) },
    } satisfies FromClients);
    port.close();
  });
}

if (parentPort && workerData) runClients(workerData as ClientsConfig, parentPort);
