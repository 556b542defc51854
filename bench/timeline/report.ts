// The run's figures as JSON (bench/results/…json; bench/timeline/README.md explains every field) and
// as the table printed at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gitCommit, type Build } from "./build.ts";
import type { ThreadReport } from "./client-threads.ts";
import type { ProfileSummary } from "./cpu-profile.ts";
import type { deliveryFigures, Post } from "./delivery.ts";
import type { machineCpu, memory } from "./machine.ts";
import { BODY_CHARS, BUILD_DIR, CLIENTS, CONCURRENCY, DB, POSTS, RATE, THREADS, root } from "./options.ts";
import { round, stats, type Stats } from "./stats.ts";

/** What run.ts measured, as it measured it (hrtime ms unless named otherwise). */
export type Measured = {
  started: Date;
  build: Build;
  startupMs: number;
  connectMs: number;
  posts: Post[];
  ok: number;
  postSpan: number; // seconds
  postLatency: number[];
  figures: ReturnType<typeof deliveryFigures>;
  clients: { error: string | null }[];
  memBefore: ReturnType<typeof memory>;
  memConnected: ReturnType<typeof memory>;
  memEnd: ReturnType<typeof memory>;
  cpuUsed: number; // the server's CPU seconds while posting and draining
  postStart: number;
  drainEnd: number;
  machineStart: ReturnType<typeof machineCpu>;
  machineEnd: ReturnType<typeof machineCpu>;
  benchCpu: NodeJS.CpuUsage;
  quietLoad: number | null;
  otherBefore: number;
  collected: ThreadReport[];
  profile: ProfileSummary | null;
  profileFile: string | null;
};

export function timelineResult(m: Measured) {
  const { started, build, startupMs, connectMs, posts, ok, postSpan, postLatency, clients, memBefore, memConnected, memEnd } = m;
  const { cpuUsed, postStart, drainEnd, machineStart, machineEnd, benchCpu, quietLoad, otherBefore, collected, profile, profileFile } = m;
  const {
    expected,
    latencies,
    firstLatency,
    lastLatency,
    spread,
    lost,
    duplicated,
    outOfOrder,
    unexpected,
    malformed,
    heartbeats,
    clientsWithProblems,
  } = m.figures;
  const cpus = os.cpus();
  return {
    benchmark: "timeline",
    startedAt: started.toISOString(),
    headCommit: gitCommit(), // HEAD at the time of the run; the code that ran is the build's
    build,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? null,
      memoryGiB: round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
    },
    config: {
      db: DB,
      clients: CLIENTS,
      posts: POSTS,
      rate: RATE,
      concurrency: CONCURRENCY,
      clientThreads: THREADS,
      bodyChars: BODY_CHARS,
      buildDir: BUILD_DIR,
    },
    server: { startupMs: round(startupMs), clientsConnectMs: round(connectMs) },
    // The headline: POST sent -> event parsed, one sample per (entry, client).
    deliveryMs: stats(latencies),
    firstClientMs: stats(firstLatency), // POST sent -> the first client has the event
    lastClientMs: stats(lastLatency), // POST sent -> the last client has the event
    fanOutSpreadMs: stats(spread), // last client - first client, per entry
    postResponseMs: stats(postLatency),
    posts: {
      sent: posts.length,
      created: ok,
      failed: posts.length - ok,
      perSecond: round(posts.length / postSpan, 2),
      seconds: round(postSpan, 2),
    },
    delivery: {
      expectedPerClient: expected.length,
      samples: latencies.length,
      lost,
      duplicated,
      outOfOrder,
      unexpected,
      malformed,
      clientErrors: clients.filter((c) => c.error).length,
      heartbeats,
      clientsWithProblems: clientsWithProblems.slice(0, 20),
    },
    serverMemory: { beforeClients: memBefore, withClients: memConnected, atEnd: memEnd },
    serverCpu: { secondsWhilePosting: round(cpuUsed, 2), shareOfOneCore: round(cpuUsed / ((drainEnd - postStart) / 1000), 3) },
    // Cores busy while posting: the whole machine, this benchmark (all threads), the server, and
    // everything else (Postgres, and anything else running on the machine: a noisy neighbour shows here).
    machineCoresBusy: (() => {
      const seconds = (drainEnd - postStart) / 1000;
      const machine = (machineEnd.busy - machineStart.busy) / seconds;
      const bench = (benchCpu.user + benchCpu.system) / 1e6 / seconds;
      const srv = cpuUsed / seconds;
      return { machine: round(machine, 2), bench: round(bench, 2), server: round(srv, 2), other: round(machine - bench - srv, 2) };
    })(),
    loadAverage: os.loadavg().map((l) => round(l, 2)),
    otherCoresBusy: { beforeStart: quietLoad, beforePosting: otherBefore },
    clientEventLoopDelayMs: collected.map((r) => r.eventLoopDelayMs),
    cpuProfile: profile && { file: path.relative(root, profileFile!), windowHrtimeMs: [postStart, drainEnd], ...profile },
  };
}

export type TimelineResult = ReturnType<typeof timelineResult>;

/** Writes the JSON to `out` and prints the table and where the files are. */
export function report(out: string, result: TimelineResult, profileFile: string | null) {
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  printTable(result);
  console.log(
    `\nfigures: ${path.relative(process.cwd(), out)}${profileFile ? `\nprofile: ${path.relative(process.cwd(), profileFile)}` : ""}`,
  );
}

type Share = { name: string; ms: number; share: number; msPerPost: number };

function printTable(r: {
  config: { db: string; clients: number; posts: number; rate: number; concurrency: number };
  machine: { cpus: number; cpuModel: string | null; node: string };
  deliveryMs: Stats;
  firstClientMs: Stats;
  lastClientMs: Stats;
  fanOutSpreadMs: Stats;
  postResponseMs: Stats;
  posts: { sent: number; created: number; perSecond: number };
  delivery: {
    samples: number;
    lost: number;
    duplicated: number;
    outOfOrder: number;
    unexpected: number;
    malformed: number;
    clientErrors: number;
  };
  serverMemory: Record<string, { rssMiB: number; peakRssMiB: number } | null>;
  serverCpu: { secondsWhilePosting: number; shareOfOneCore: number };
  machineCoresBusy: { machine: number; bench: number; server: number; other: number };
  clientEventLoopDelayMs: { p99: number; max: number }[];
  cpuProfile: { busyMs: number; windowMs: number; areas: Share[]; packages: Share[]; functions: Share[] } | null;
}) {
  const c = r.config;
  const row = (name: string, s: Stats) =>
    `${name.padEnd(30)}${String(s.n).padStart(7)}${[s.median, s.p90, s.p99, s.max].map((v) => v.toFixed(1).padStart(9)).join("")}`;
  const lines = [
    "",
    `bench/timeline  db=${c.db}  clients=${c.clients}  posts=${c.posts}  rate=${c.rate}/s  in-flight=${c.concurrency}  (${r.machine.cpus} × ${r.machine.cpuModel}, node ${r.machine.node})`,
    "",
    `${"latency (ms)".padEnd(30)}${"n".padStart(7)}${["median", "p90", "p99", "max"].map((h) => h.padStart(9)).join("")}`,
    row("POST sent -> client has event", r.deliveryMs),
    row("  first client per entry", r.firstClientMs),
    row("  last client per entry", r.lastClientMs),
    row("  spread (last - first)", r.fanOutSpreadMs),
    row("POST response", r.postResponseMs),
    "",
    `posts: ${r.posts.created}/${r.posts.sent} created, ${r.posts.perSecond}/s achieved`,
    `delivery: ${r.delivery.samples} samples; lost ${r.delivery.lost}, duplicated ${r.delivery.duplicated}, out of order ${r.delivery.outOfOrder}, unexpected ${r.delivery.unexpected}, malformed ${r.delivery.malformed}, client errors ${r.delivery.clientErrors}`,
    `server RSS (MiB): before clients ${r.serverMemory.beforeClients?.rssMiB}, with clients ${r.serverMemory.withClients?.rssMiB}, at end ${r.serverMemory.atEnd?.rssMiB} (peak ${r.serverMemory.atEnd?.peakRssMiB})`,
    `server CPU while posting: ${r.serverCpu.secondsWhilePosting} s (${round(r.serverCpu.shareOfOneCore * 100)}% of one core)`,
    `cores busy while posting: machine ${r.machineCoresBusy.machine} of ${r.machine.cpus} = server ${r.machineCoresBusy.server} + bench ${r.machineCoresBusy.bench} + other ${r.machineCoresBusy.other}`,
    `client event-loop delay (ms): ${r.clientEventLoopDelayMs.map((e) => `p99 ${e.p99}, max ${e.max}`).join("; ")}`,
  ];
  if (r.cpuProfile) {
    const p = r.cpuProfile;
    lines.push("", `server main thread while posting: ${p.busyMs} ms busy of ${p.windowMs} ms (CPU profile), per area:`);
    for (const a of p.areas)
      lines.push(`  ${a.share.toFixed(1).padStart(5)}%  ${a.msPerPost.toFixed(2).padStart(6)} ms per POST  ${a.name}`);
    lines.push("by package (self time):");
    for (const x of p.packages.slice(0, 8))
      lines.push(`  ${x.share.toFixed(1).padStart(5)}%  ${x.msPerPost.toFixed(2).padStart(6)} ms per POST  ${x.name}`);
    lines.push("by function (self time):");
    for (const f of p.functions.slice(0, 12))
      lines.push(`  ${f.share.toFixed(1).padStart(5)}%  ${f.msPerPost.toFixed(2).padStart(6)} ms per POST  ${f.name}`);
  }
  console.log(lines.join("\n"));
}
