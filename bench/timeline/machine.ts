// The server's memory and CPU, and how busy the rest of the machine is, read from /proc (Linux).
import fs from "node:fs";
import { log } from "./log.ts";
import { round } from "./stats.ts";
import { sleep } from "./wait.ts";

/** VmRSS and VmHWM (peak) of a process, in MiB. */
export function memory(pid: number): { rssMiB: number; peakRssMiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMiB: round(kb("VmRSS") / 1024), peakRssMiB: round(kb("VmHWM") / 1024) };
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used so far (Linux clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15)
  } catch {
    return NaN;
  }
}

/** Busy and total CPU time of the whole machine so far, in seconds (first line of /proc/stat). */
export function machineCpu(): { busy: number; total: number } {
  try {
    const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: (total - f[3] - f[4]) / 100, total: total / 100 }; // minus idle and iowait
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** Cores kept busy by other processes over `ms` (the machine minus this process and `pid`). */
export async function otherLoad(ms: number, pid?: number): Promise<number> {
  const m0 = machineCpu();
  const b0 = process.cpuUsage();
  const s0 = pid ? cpuSeconds(pid) : 0;
  await sleep(ms);
  const b = process.cpuUsage(b0);
  const server = pid ? cpuSeconds(pid) - s0 : 0;
  return round((machineCpu().busy - m0.busy - (b.user + b.system) / 1e6 - server) / (ms / 1000), 2);
}

/** Waits (at most `seconds`) until other processes use less than a quarter of a core. */
export async function waitQuiet(seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let load = await otherLoad(2_000);
  let said = 0;
  while (load >= 0.25 && Date.now() < until) {
    if (Date.now() - said > 30_000) {
      log(`other processes keep ${load} cores busy; waiting for quiet (up to ${Math.round((until - Date.now()) / 1000)} s more)`);
      said = Date.now();
    }
    load = await otherLoad(2_000);
  }
  if (load >= 0.25) log(`still ${load} cores busy by other processes after ${seconds} s; running anyway`);
  return load;
}
