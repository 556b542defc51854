// bench/timeline: with N SSE clients on one incident, the time from POST to receipt on
// every client, and the server's memory. Run on purpose, not by `npm test`:
//
//   node --import tsx bench/timeline/run.ts [--clients 200] [--posts 200] [--db sqlite|postgres]
//
// It starts the built app (BUILD_DIR, default .build-bench; built first if missing or with
// --rebuild) as a child process on a free port of 127.0.0.1 with a fresh database, opens
// the clients in worker threads, posts timeline entries at a steady pace from the main
// thread, and prints a table; the figures go to bench/results/timeline-<db>-<time>.json.
// bench/timeline/README.md explains every figure and option.
//
// This file runs the phases in order; the modules next to it hold the parts: options.ts (the
// command line), build.ts, server.ts (the app and its database), api.ts (HTTP to the app),
// client-threads.ts and clients.ts (the SSE clients), machine.ts (memory and CPU from /proc),
// delivery.ts and stats.ts (the figures), report.ts (JSON and table), cpu-profile.ts (--cpu-prof).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { postAgent, request } from "./api.ts";
import { ensureBuild } from "./build.ts";
import { openClients } from "./client-threads.ts";
import { now } from "./clients.ts";
import { keepProfile, type ProfileSummary } from "./cpu-profile.ts";
import { deliveryFigures, type Post } from "./delivery.ts";
import { log } from "./log.ts";
import { cpuSeconds, machineCpu, memory, otherLoad, waitQuiet } from "./machine.ts";
import { BODY_CHARS, CLIENTS, CONCURRENCY, DB, opts, POSTS, RATE, resultsDir, THREADS, TIMEOUT_S, WAIT_QUIET_S } from "./options.ts";
import { freePort, freshDatabase, startServer, stopServer, waitHealthy, type Database, type Server } from "./server.ts";
import { round } from "./stats.ts";
import { report, timelineResult } from "./report.ts";
import { sleep, within } from "./wait.ts";

async function main() {
  const build = ensureBuild(); // outside the time bound: a cold build is not part of the benchmark
  const quietLoad = WAIT_QUIET_S > 0 ? await waitQuiet(WAIT_QUIET_S) : null;
  const started = new Date();
  const deadline = Date.now() + TIMEOUT_S * 1000;
  const left = () => Math.max(1, deadline - Date.now());

  const out = path.resolve(opts.out ?? path.join(resultsDir, `timeline-${DB}-${started.toISOString().replace(/[:.]/g, "-")}.json`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  let server: Server | null = null;
  let database: Database | null = null;
  const workers: Worker[] = [];
  const profileDir = opts["cpu-prof"] ? fs.mkdtempSync(path.join(os.tmpdir(), "bench-timeline-prof-")) : null;

  // Whatever happens, the server dies with us.
  const killOnExit = () => server?.child.kill("SIGKILL");
  process.on("exit", killOnExit);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping`);
      killOnExit();
      void database?.drop().finally(() => process.exit(130));
      setTimeout(() => process.exit(130), 3_000).unref();
    });
  }
  const overall = setTimeout(
    () => {
      log(`the run took longer than --timeout ${TIMEOUT_S} s; aborting`);
      killOnExit();
      void database?.drop().finally(() => process.exit(1));
      setTimeout(() => process.exit(1), 5_000).unref();
    },
    TIMEOUT_S * 1000 + 60_000,
  ); // the last resort: after the deadline, draining, reports and shutdown have their own bounds
  overall.unref();

  try {
    database = await within(freshDatabase(), 15_000, "the database");
    const port = await freePort();
    log(`starting the server on 127.0.0.1:${port} with ${database.describe}`);
    server = startServer(port, database.url, profileDir);
    const pid = server.child.pid!;
    const t0 = now();
    await waitHealthy(server, Math.min(left(), 60_000));
    const startupMs = now() - t0;

    const created = await request(port, "POST", "/api/v1/incidents", { title: "Benchmark: timeline fan-out", severity: "SEV2" });
    if (created.status !== 201) throw new Error(`creating the incident: ${created.status} ${JSON.stringify(created.json)}`);
    const incidentId: string = created.json.incident.id;
    // One warm-up entry so the first measured POST does not pay for cold code paths.
    const warm = await request(port, "POST", `/api/v1/incidents/${incidentId}/timeline`, { body: "warm-up", kind: "note" });
    if (warm.status !== 201) throw new Error(`warm-up entry: ${warm.status} ${JSON.stringify(warm.json)}`);
    const startSeq: number = warm.json.entry.seq;
    await sleep(500);
    const memBefore = memory(pid);

    // ---- N clients, split across worker threads
    log(`opening ${CLIENTS} SSE clients in ${THREADS} worker thread(s)`);
    const clientThreads = openClients(port, incidentId, startSeq, workers);
    const tConnect = now();
    await clientThreads.connected(Math.min(left(), 30_000));
    const connectMs = now() - tConnect;
    // ': connected' is written before the stream attaches the client; let attach finish.
    await sleep(500);
    const memConnected = memory(pid);
    const otherBefore = await otherLoad(1_000, pid);
    if (otherBefore >= 0.25) log(`warning: other processes keep ${otherBefore} cores busy; the figures will be noisy (see --wait-quiet)`);
    log(`all ${CLIENTS} clients connected in ${round(connectMs)} ms; posting ${POSTS} entries at ${RATE}/s, ${CONCURRENCY} in flight`);

    // ---- M posts at a steady pace
    const posts: Post[] = [];
    const body = (i: number) => `bench entry ${i} `.padEnd(BODY_CHARS, "lorem ipsum dolor sit amet ");
    const cpuStart = cpuSeconds(pid);
    const machineStart = machineCpu();
    const benchStart = process.cpuUsage();
    const postStart = now();
    const interval = 1000 / RATE;
    let nextIndex = 0;
    const poster = async () => {
      while (nextIndex < POSTS && Date.now() < deadline && server!.child.exitCode === null) {
        const i = nextIndex++;
        const due = postStart + i * interval;
        const wait = due - now();
        if (wait > 0) await sleep(wait);
        const sentAt = now();
        try {
          const r = await request(port, "POST", `/api/v1/incidents/${incidentId}/timeline`, { body: body(i), kind: "note" });
          posts.push({ i, sentAt, respondedAt: now(), status: r.status, seq: r.status === 201 ? r.json.entry.seq : null });
        } catch (error) {
          posts.push({ i, sentAt, respondedAt: now(), status: 0, seq: null });
          log(`POST ${i}: ${(error as Error).message}`);
        }
      }
    };
    // The posters stop at the deadline by themselves; a POST in flight then has its own 15 s bound.
    await within(Promise.all(Array.from({ length: CONCURRENCY }, poster)), left() + 16_000, "the posts");
    const postEnd = now();

    // ---- wait until every worker has every posted seq on every client (bounded)
    const postedSeqs = posts.filter((p) => p.seq !== null).map((p) => p.seq!);
    await clientThreads.received(postedSeqs).catch((error) => log(`${(error as Error).message}; reporting what arrived`));
    const drainEnd = now();
    const cpuEnd = cpuSeconds(pid);
    const machineEnd = machineCpu();
    const benchCpu = process.cpuUsage(benchStart);
    await sleep(200);
    const memEnd = memory(pid);

    // ---- collect the clients' reports
    const collected = await clientThreads.reports();
    const clients = collected.flatMap((r) => r.clients).sort((a, b) => a.index - b.index);

    // ---- the figures
    const figures = deliveryFigures(clients, posts, startSeq);
    const { lost, duplicated, outOfOrder, unexpected, malformed } = figures;
    const postLatency = posts.map((p) => p.respondedAt - p.sentAt);
    const ok = posts.filter((p) => p.status === 201).length;
    const postSpan = (postEnd - postStart) / 1000;
    const cpuUsed = cpuEnd - cpuStart;

    // Stop the clients' sockets, then the server (so a CPU profile is written), then summarise.
    await Promise.all(workers.map((w) => w.terminate().catch(() => {})));
    workers.length = 0;
    await stopServer(server);
    let profile: ProfileSummary | null = null;
    let profileFile: string | null = null;
    if (profileDir) ({ profile, profileFile } = keepProfile(profileDir, out, postStart, drainEnd, posts.length));

    const result = timelineResult({
      started,
      build,
      startupMs,
      connectMs,
      posts,
      ok,
      postSpan,
      postLatency,
      figures,
      clients,
      memBefore,
      memConnected,
      memEnd,
      cpuUsed,
      postStart,
      drainEnd,
      machineStart,
      machineEnd,
      benchCpu,
      quietLoad,
      otherBefore,
      collected,
      profile,
      profileFile,
    });
    report(out, result, profileFile);
    const clean = lost + duplicated + outOfOrder + unexpected + malformed === 0 && ok === POSTS && !result.delivery.clientErrors;
    if (posts.length < POSTS)
      console.log(`\nINCOMPLETE: ${posts.length} of ${POSTS} posts were made before the --timeout of ${TIMEOUT_S} s`);
    else if (ok < POSTS) console.log(`\nFAILED POSTS: ${POSTS - ok} of ${POSTS}`);
    if (lost + duplicated + outOfOrder + unexpected + malformed || result.delivery.clientErrors)
      console.log("\nDELIVERY PROBLEMS: see delivery.clientsWithProblems in the JSON");
    if (!clean) process.exitCode = 1;
  } catch (error) {
    log(`failed: ${(error as Error).stack ?? error}`);
    if (server) log(`server output (tail):\n${server.output()}`);
    process.exitCode = 1;
  } finally {
    await Promise.all(workers.map((w) => w.terminate().catch(() => {})));
    if (server) await stopServer(server);
    await database?.drop().catch((error) => log(`dropping the database: ${(error as Error).message}`));
    postAgent.destroy();
    clearTimeout(overall);
  }
}

await main();
