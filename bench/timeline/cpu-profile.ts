// The server's CPU profile (--cpu-prof), summarised for the posting phase: where its main
// thread spent the time, per area, package and function.
import fs from "node:fs";
import path from "node:path";
import { log } from "./log.ts";
import { root } from "./options.ts";
import { round } from "./stats.ts";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type CpuProfile = {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

/**
 * Where a busy sample's time goes, judged from its whole stack (a heuristic, but stable):
 * the database (Prisma's query compiler and interpreter, the driver), the SSE fan-out
 * (framing, the web stream, Remix's pump, res.write, the writev syscall), the rest of
 * HTTP handling (Express, Remix, compression, parsing), garbage collection, other.
 */
function area(stack: CallFrame[]): string {
  const leaf = stack[0];
  if (leaf.functionName === "(garbage collector)") return "garbage collection";
  const text = stack.map((f) => `${f.url} ${f.functionName}`).join("|");
  if (/prisma|better-sqlite3|\/pg\/|pg-pool|wasm/.test(`${leaf.url} ${leaf.functionName}`) || /@prisma/.test(text))
    return "database (Prisma, driver)";
  if (leaf.functionName === "writev" || /\bframe\b|writeReadableStreamToWritable|internal\/webstreams/.test(text))
    return "SSE fan-out (frame, web stream, res.write, writev)";
  if (/_http_|express|router|helmet|compression|on-headers|@remix-run|node:internal\/streams|undici/.test(text))
    return "HTTP handling (Express, Remix, parsing, responses)";
  return "other";
}

/** Self time per function, per package and per area during [from, to] (hrtime ms), from a .cpuprofile. */
export function summariseProfile(file: string, fromMs: number, toMs: number, posts: number) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  const areas = new Map<string, number>();
  let t = profile.startTime; // microseconds, CLOCK_MONOTONIC like process.hrtime
  let total = 0;
  let idle = 0;
  let longestGapMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const ms = t / 1000;
    if (ms < fromMs || ms > toMs) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    longestGapMs = Math.max(longestGapMs, dt);
    const frame = byId.get(profile.samples[i])!.callFrame;
    if (frame.functionName === "(idle)") {
      idle += dt;
      continue;
    }
    const url = frame.url.replace(`file://${root}/`, "");
    const pkg = frame.url
      ? (/node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? url.split("/").slice(0, 2).join("/"))
      : frame.functionName || "(native)";
    const key = `${frame.functionName || "(anonymous)"} ${url ? `${url}:${frame.lineNumber + 1}` : ""}`.trim();
    const stack: CallFrame[] = [];
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!.callFrame);
    const a = area(stack);
    fns.set(key, (fns.get(key) ?? 0) + dt);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + dt);
    areas.set(a, (areas.get(a) ?? 0) + dt);
    total += dt;
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: round(ms), share: round((100 * ms) / (total || 1)), msPerPost: round(ms / (posts || 1), 2) }));
  if (longestGapMs > 500)
    log(`the CPU profile has a ${round(longestGapMs)} ms gap between samples; its figures are not reliable, run again`);
  return {
    windowMs: round(toMs - fromMs),
    busyMs: round(total),
    idleMs: round(idle),
    longestSampleGapMs: round(longestGapMs),
    areas: top(areas, 10),
    packages: top(pkgs, 15),
    functions: top(fns, 25),
  };
}

export type ProfileSummary = ReturnType<typeof summariseProfile>;

/**
 * Keeps the .cpuprofile the stopped server wrote into `profileDir` next to the JSON `out`,
 * summarises it over [fromMs, toMs], and removes `profileDir`.
 */
export function keepProfile(profileDir: string, out: string, fromMs: number, toMs: number, posts: number) {
  let profile: ProfileSummary | null = null;
  let profileFile: string | null = null;
  const file = fs.readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
  if (file) {
    profileFile = out.replace(/\.json$/, "") + ".cpuprofile";
    fs.copyFileSync(path.join(profileDir, file), profileFile);
    profile = summariseProfile(profileFile, fromMs, toMs, posts);
  } else log("no CPU profile was written (the server did not exit cleanly)");
  fs.rmSync(profileDir, { recursive: true, force: true });
  return { profile, profileFile };
}
