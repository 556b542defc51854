// The N SSE clients, split across worker threads (clients.ts), so parsing events never delays
// the main thread's POSTs or their timestamps. The main thread only hears when a thread's
// clients have all connected, when they all have an entry, when one fails, and the reports.
import { Worker } from "node:worker_threads";
import type { ClientReport, ClientsConfig, FromClients, ToClients } from "./clients.ts";
import { log } from "./log.ts";
import { CLIENTS as DEFAULT_CLIENTS, THREADS as DEFAULT_THREADS, TOKEN as DEFAULT_TOKEN } from "./options.ts";
import { within } from "./wait.ts";

const clientsUrl = new URL("./clients.ts", import.meta.url).href;
const tsxApi = import.meta.resolve("tsx/esm/api");

export type ThreadReport = { clients: ClientReport[]; eventLoopDelayMs: { p50: number; p99: number; max: number } };

/** Who connects: by default this benchmark's options (bench/load passes its own). */
export type ClientsOptions = { clients?: number; threads?: number; token?: string; reconnect?: boolean };

/**
 * Starts the worker threads, pushing each onto `workers` (the caller terminates them, also
 * when the run fails), with every client on incident `incidentId` after `afterSeq`.
 */
export function openClients(port: number, incidentId: string, afterSeq: number, workers: Worker[], options: ClientsOptions = {}) {
  const { clients: CLIENTS = DEFAULT_CLIENTS, threads: THREADS = DEFAULT_THREADS, token: TOKEN = DEFAULT_TOKEN } = options;
  const failures: { index: number; reason: string }[] = [];
  const completions = new Map<number, { workers: number; at: number }>(); // seq -> workers done, latest time
  let connectedWorkers = 0;
  let onConnected: () => void = () => {};
  let onComplete: () => void = () => {};
  const reports: Promise<ThreadReport>[] = [];
  const per = Math.ceil(CLIENTS / THREADS);
  for (let first = 0; first < CLIENTS; first += per) {
    const config: ClientsConfig = {
      port,
      incidentId,
      token: TOKEN,
      firstIndex: first,
      count: Math.min(per, CLIENTS - first),
      afterSeq,
      reconnect: options.reconnect,
    };
    // `--import tsx` does not reach worker threads on Node 20; load clients.ts through tsx's API.
    const load = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(clientsUrl)}, ${JSON.stringify(clientsUrl)}))`;
    const worker = new Worker(load, { eval: true, workerData: config });
    workers.push(worker);
    const report = new Promise<ThreadReport>((resolve, reject) => {
      worker.on("message", (message: FromClients) => {
        if (message.type === "connected") {
          connectedWorkers++;
          onConnected();
        } else if (message.type === "complete") {
          const c = completions.get(message.seq) ?? { workers: 0, at: 0 };
          c.workers++;
          c.at = Math.max(c.at, message.at);
          completions.set(message.seq, c);
          onComplete();
        } else if (message.type === "failed") {
          failures.push({ index: message.index, reason: message.reason });
          log(`client ${message.index}: ${message.reason}`);
          onConnected();
        } else if (message.type === "report") resolve(message);
      });
      worker.on("exit", (code) => reject(new Error(`client worker exited (${code}) before reporting`)));
      worker.on("error", (error) => {
        failures.push({ index: first, reason: `worker: ${error.message}` });
        onConnected(); // fails the connect wait if it is still running
        reject(error);
      });
    });
    report.catch(() => {}); // awaited later; a worker that dies early also fails the connect wait
    reports.push(report);
  }

  return {
    /** Until every client has had `: connected`; rejects on the first failure or after `ms`. */
    connected: (ms: number) =>
      within(
        new Promise<void>((resolve, reject) => {
          onConnected = () => {
            if (failures.length) reject(new Error(`${failures.length} client(s) failed to connect: ${failures[0].reason}`));
            else if (connectedWorkers === workers.length) resolve();
          };
        }),
        ms,
        `${CLIENTS} clients to connect`,
      ),

    /** Until every worker has every one of `seqs` on every client (at most 10 s). */
    received: (seqs: number[]) => {
      const drained = () => seqs.every((s) => (completions.get(s)?.workers ?? 0) === workers.length);
      return within(
        new Promise<void>((resolve) => {
          onComplete = () => drained() && resolve();
          onComplete();
        }),
        10_000,
        "every client to receive every entry",
      );
    },

    /** Stops the clients and collects what each thread saw. */
    reports: () => {
      for (const worker of workers) worker.postMessage({ type: "stop" } satisfies ToClients);
      return within(Promise.all(reports), 15_000, "the clients' reports");
    },
  };
}
