// bench/load: the whole app under a realistic incident for --duration seconds: 20 scribes post
// timeline entries (10/s in all), 200 SSE clients watch the incident, comms publishes an update
// every minute, and the public paths take 2,000 requests/s; optionally a database fault in the
// middle (--fault db-lock | pg-stop), or two instances behind nginx with one killed (-9) halfway
// (--instances 2, Postgres). Run: npm run bench:load -- [--db postgres] (bench/load/README.md).
// Reuses bench/status-page (app process, database, seed, HTTP) and bench/timeline (SSE clients).
import {
  DB,
  opts,
  DURATION_S,
  SCRIBES,
  ENTRIES_PER_S,
  CLIENTS,
  CLIENT_THREADS,
  PUBLISH_EVERY_S,
  PUBLIC_RATE,
  CONNECTIONS,
  FAULT,
  FAULT_AT_S,
  FAULT_FOR_S,
  INSTANCES,
  KILL_AT_S,
} from "./options.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { freshDatabase, type Database } from "../status-page/database.ts";
import { agent, expect, request } from "../status-page/http.ts";
import { log, root, sleep, TOKEN } from "../status-page/options.ts";
import { seedPage } from "../status-page/seed.ts";
import { openClients } from "../timeline/client-threads.ts";
import { memory } from "../timeline/machine.ts";
import { stats } from "../timeline/stats.ts";
import { lockSqlite, stopPostgres, type Fault } from "./faults.ts";
import { startFront, type Front } from "./instances.ts";
import { loadPublicPath } from "./public-load.ts";
import { printTable, sseFigures } from "./report.ts";
import { runScribes } from "./scribes.ts";

const PUBLIC_PATHS = ["/status", "/api/v2/summary.json"];
const round1 = (n: number) => Math.round(n * 10) / 10;
/** After the kill, how long the figures "during the kill" cover. */
const KILL_WINDOW_MS = 10_000;

async function main() {
  const startedAtIso = new Date().toISOString();
  const loadBefore = os.loadavg().map(round1);
  const overall = setTimeout(
    () => {
      log("the run took more than duration + 5 minutes; giving up");
      process.exit(2);
    },
    (DURATION_S + 300) * 1000,
  );
  let database: Database | null = null;
  let app: Front | null = null;
  let fault: Fault | null = null;
  const workers: Worker[] = [];
  agent.maxSockets = SCRIBES + 8; // the scribes, comms and checks each get a socket
  try {
    database = await freshDatabase();
    log(`starting ${INSTANCES === 2 ? "two instances behind nginx" : "the app"} on ${database.describe}`);
    // One API token per scribe, all made by the bootstrap admin: more than the app lets one account make in a window.
    // Every SSE client is one token from one address: more streams than the app lets one token or address hold.
    // Two instances: the killed one's places stay held in Redis until they lapse (90 s) while its clients reconnect.
    const streams = String(CLIENTS * INSTANCES + 10);
    app = await startFront(database.url, database.dir, INSTANCES, {
      TOKENS_CREATED_PER_ACCOUNT: String(SCRIBES + 10),
      EVENT_STREAMS_PER_TOKEN: streams,
      EVENT_STREAMS_PER_IP: streams,
    });
    const port = app.port;
    const seeded = await seedPage(port);
    const incidentId = seeded.openIncidentId;
    const token = async (name: string, role: string) => (await expect(201, port, "POST", "/api/v1/tokens", { name, role })).token as string;
    const scribeTokens: string[] = [];
    for (let i = 0; i < SCRIBES; i++) scribeTokens.push(await token(`Scribe ${i}`, "responder"));
    const commsToken = await token("Comms", "comms");
    const warm = await expect(201, port, "POST", `/api/v1/incidents/${incidentId}/timeline`, { body: "Load test starts", kind: "note" });
    const afterSeq = warm.entry.seq as number;

    log(`opening ${CLIENTS} SSE clients`);
    const clients = openClients(port, incidentId, afterSeq, workers, {
      clients: CLIENTS,
      threads: CLIENT_THREADS,
      token: TOKEN,
      reconnect: INSTANCES === 2,
    });
    await clients.connected(120_000);
    await sleep(1_000);
    const rssStart = memory(app.survivor.pid);
    log(
      `RSS at start ${rssStart?.rssMiB} MiB; loading for ${DURATION_S} s${FAULT ? `, ${FAULT} at ${FAULT_AT_S} s for ${FAULT_FOR_S} s` : ""}${KILL_AT_S !== null ? `, one instance killed at ${KILL_AT_S} s` : ""}`,
    );

    const t0 = performance.now();
    const end = t0 + DURATION_S * 1000;
    let faultWindow: [number, number] | null = null;
    const scribes = runScribes({
      port,
      incidentId,
      tokens: scribeTokens,
      entriesPerSecond: ENTRIES_PER_S,
      startedAt: t0,
      stopQueuingAt: end,
    });
    const publicLoad = Promise.all(
      PUBLIC_PATHS.map((p) => loadPublicPath(port, p, PUBLIC_RATE / PUBLIC_PATHS.length, CONNECTIONS, DURATION_S, () => faultWindow)),
    );

    const publishes: { at: number; ms: number; status: number }[] = [];
    const comms = (async () => {
      for (let k = 1; t0 + k * PUBLISH_EVERY_S * 1000 < end; k++) {
        await sleep(Math.max(0, t0 + k * PUBLISH_EVERY_S * 1000 - performance.now()));
        const at = performance.now();
        const r = await request(port, "POST", `/api/v1/incidents/${incidentId}/updates`, {
          body: {
            status: "monitoring",
            body: `Update ${k}: we are watching the error rates closely.`,
            publish: true,
            nextUpdateInMinutes: 30,
          },
          headers: { Authorization: `Bearer ${commsToken}` },
        }).catch(() => null);
        publishes.push({ at: round1((at - t0) / 1000), ms: Math.round(performance.now() - at), status: r?.status ?? 0 });
      }
    })();

    const faulting = (async () => {
      if (!FAULT) return;
      await sleep(t0 + FAULT_AT_S * 1000 - performance.now());
      const from = performance.now();
      faultWindow = [from, Infinity];
      log(`fault ${FAULT}: on`);
      fault = FAULT === "db-lock" ? await lockSqlite(database!.url) : await stopPostgres(opts["pg-url"]!, database!.url);
      await sleep(from + FAULT_FOR_S * 1000 - performance.now());
      await fault.end();
      faultWindow = [from, performance.now()];
      log(`fault ${FAULT}: off after ${round1((faultWindow[1] - from) / 1000)} s`);
    })();

    let killedPid: number | null = null;
    const killing = (async () => {
      if (KILL_AT_S === null) return;
      await sleep(t0 + KILL_AT_S * 1000 - performance.now());
      const from = performance.now();
      faultWindow = [from, Infinity];
      killedPid = app!.kill();
      log(`kill -9 of instance 2 (pid ${killedPid})`);
      await sleep(KILL_WINDOW_MS);
      faultWindow = [from, from + KILL_WINDOW_MS];
    })();

    const [publicFigures] = await Promise.all([publicLoad, comms, faulting, killing]);
    log("load done; draining the scribes' outboxes (at most 60 s)");
    const scribeFigures = await scribes.drain(60_000);
    const acked = scribeFigures.acks.map((a) => a.seq);
    await clients.received(acked).catch((error) => log(`${(error as Error).message}`));
    const rssEnd = memory(app.survivor.pid);
    const threadReports = await clients.reports();

    // Lost: an acknowledged seq a client never had; also checked in the database.
    const stored = (await expect(200, port, "GET", `/api/v1/incidents/${incidentId}/timeline?after=${afterSeq}&limit=5000`)).entries as {
      seq: number;
    }[];
    const storedSeqs = new Set(stored.map((e) => e.seq));
    const keyCounts = new Map<string, number>();
    for (const e of stored) {
      const key = /load-\d+-\d+-\d+/.exec(JSON.stringify(e))?.[0];
      if (key) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    }

    const window = faultWindow as [number, number] | null;
    const inWindow = (at: number) => window !== null && at >= window[0] && at <= window[1];
    const overlapsWindow = (a: { at: number; ms: number }) => window !== null && a.at + a.ms >= window[0] && a.at <= window[1];
    const byStatus = (list: { status: number }[]) =>
      list.reduce<Record<string, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {});
    const attempts = scribeFigures.attempts;
    const healthy = attempts.filter((a) => !inWindow(a.at));
    const firstAckAfter = window
      ? scribeFigures.acks
          .filter((a) => a.ackedAt > window[1])
          .map((a) => a.ackedAt)
          .sort((a, b) => a - b)[0]
      : undefined;
    const rssGrowth = rssStart && rssEnd ? round1(((rssEnd.rssMiB - rssStart.rssMiB) / rssStart.rssMiB) * 100) : null;

    const result = {
      db: DB,
      startedAt: startedAtIso,
      machine: `${os.cpus().length} cores, Node ${process.version}`,
      instances: INSTANCES,
      loadAverage: { before: loadBefore, after: os.loadavg().map(round1) },
      settings: {
        durationS: DURATION_S,
        scribes: SCRIBES,
        entriesPerSecond: ENTRIES_PER_S,
        clients: CLIENTS,
        clientThreads: CLIENT_THREADS,
        publishEveryS: PUBLISH_EVERY_S,
        publicRate: PUBLIC_RATE,
        connectionsPerPath: CONNECTIONS,
        faultAtS: FAULT ? FAULT_AT_S : null,
        faultForS: FAULT ? FAULT_FOR_S : null,
        killAtS: KILL_AT_S,
      },
      entries: {
        queued: scribeFigures.acks.length + scribeFigures.refused.length + scribeFigures.pending,
        acknowledged: acked.length,
        refused: scribeFigures.refused.length,
        pending: scribeFigures.pending,
        retriedEntries: scribeFigures.acks.filter((a) => a.tries > 1).length,
        attemptsByStatus: byStatus(attempts),
        postLatencyMs: stats(healthy.filter((a) => a.status === 201 || a.status === 200).map((a) => a.ms)),
        ackAfterQueuedMs: stats(scribeFigures.acks.map((a) => a.ackedAt - a.queuedAt)),
        lostInDatabase: acked.filter((s) => !storedSeqs.has(s)).length,
        duplicatedInDatabase: [...keyCounts.values()].filter((n) => n > 1).length,
        failureSamples: scribeFigures.failureSamples.slice(0, 5),
      },
      sse: sseFigures(threadReports, acked, CLIENTS),
      publishes: {
        done: publishes.filter((p) => p.status === 201).length,
        all: publishes,
        ms: stats(publishes.filter((p) => p.status === 201).map((p) => p.ms)),
      },
      public: publicFigures,
      fault: FAULT
        ? {
            name: FAULT,
            atS: FAULT_AT_S,
            lastedS: window ? round1((window[1] - window[0]) / 1000) : null,
            writesDuring: byStatus(attempts.filter((a) => inWindow(a.at))),
            slowestWriteDuringMs: Math.round(Math.max(0, ...attempts.filter((a) => inWindow(a.at)).map((a) => a.ms))),
            firstAckAfterFaultS: firstAckAfter && window ? round1((firstAckAfter - window[1]) / 1000) : null,
            publicDuring: publicFigures.map((p) => ({ path: p.path, ...p.duringFault })),
          }
        : null,
      kill:
        KILL_AT_S !== null
          ? {
              atS: KILL_AT_S,
              pid: killedPid,
              windowS: KILL_WINDOW_MS / 1000,
              // every try that was in flight at some moment of the window, those cut by the kill included
              writesDuring: byStatus(attempts.filter(overlapsWindow)),
              slowestWriteDuringMs: Math.round(Math.max(0, ...attempts.filter(overlapsWindow).map((a) => a.ms))),
              publicDuring: publicFigures.map((p) => ({ path: p.path, ...p.duringFault })),
            }
          : null,
      rssMiB: { start: rssStart?.rssMiB, end: rssEnd?.rssMiB, peak: rssEnd?.peakRssMiB, growthPercent: rssGrowth },
    };

    const out = path.resolve(
      root,
      opts.out ?? `bench/load/results-${DB}${FAULT ? `-${FAULT}` : ""}${INSTANCES === 2 ? "-2-instances-kill" : ""}.json`,
    );
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
    printTable(result);
    log(`wrote ${path.relative(root, out)}`);

    const errors =
      publicFigures.reduce((n, p) => n + p.non2xx + p.errors, 0) +
      (attempts.length - attempts.filter((a) => a.status === 200 || a.status === 201).length);
    const missed =
      result.entries.lostInDatabase > 0 ||
      result.sse.lostTotal > 0 ||
      result.entries.refused > 0 ||
      result.entries.pending > 0 ||
      result.entries.duplicatedInDatabase > 0 ||
      result.sse.shownTwice > 0 ||
      (!FAULT && INSTANCES === 1 && errors > 0) ||
      (rssGrowth !== null && rssGrowth > 20);
    if (missed) process.exitCode = 1;
  } catch (error) {
    log(`failed: ${(error as Error).stack ?? error}`);
    if (app) log(`app output (tail):\n${app.output()}`);
    process.exitCode = 1;
  } finally {
    await (fault as Fault | null)?.end().catch((error) => log(`ending the fault: ${(error as Error).message}`));
    await Promise.all(workers.map((w) => w.terminate()));
    await app?.stop();
    agent.destroy();
    await database?.drop().catch((error) => log(`dropping the database: ${(error as Error).message}`));
    clearTimeout(overall);
  }
}

await main();
