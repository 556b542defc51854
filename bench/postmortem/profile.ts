// Where the generation's CPU time goes: a V8 CPU profile of this process (node:inspector)
// around a function, summed as self time per area (package or app folder) and per function.
import { Session } from "node:inspector/promises";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  totalMs: number;
  byArea: { area: string; ms: number }[];
  byFunction: { fn: string; area: string; ms: number }[];
};

function areaOf(url: string): string {
  if (!url) return "(native / GC / idle)";
  if (url.startsWith("node:")) return "node internals";
  // The one WebAssembly module in the app: the query compiler of Prisma's Rust-free client.
  if (url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const app = /\/app\/(.+?)\/[^/]+$/.exec(url);
  return app ? `app/${app[1]}` : url.replace(/^.*\//, "");
}

function summarize(profile: CpuProfile, runs: number, top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const areas = new Map<string, number>();
  const functions = new Map<string, { fn: string; area: string; ms: number }>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") continue;
    const area = areaOf(frame.url);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*\//, "")}:${frame.lineNumber + 1}`;
    const entry = functions.get(key) ?? { fn: key, area, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const perRun = (ms: number) => Math.round((ms / runs) * 100) / 100;
  return {
    totalMs: perRun([...areas.values()].reduce((a, b) => a + b, 0)),
    byArea: [...areas.entries()]
      .map(([area, ms]) => ({ area, ms: perRun(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    byFunction: [...functions.values()]
      .map((f) => ({ ...f, ms: perRun(f.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

/** Runs `work` `runs` times under the profiler; the figures are CPU ms per run. */
export async function profile(runs: number, work: () => Promise<void>, top = 15): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  for (let i = 0; i < runs; i++) await work();
  const { profile: result } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
  session.disconnect();
  return summarize(result, runs, top);
}
