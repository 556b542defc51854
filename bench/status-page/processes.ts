// The two servers under load, each a child process: the app (`node --import tsx server.ts`,
// as tests/setup/app-process.ts starts it) and the node:http baseline (baseline-server.ts).
// Ports come from 3700-3799 only. The app's output goes to a file, so logging a line per
// request costs the app what it costs in production and the benchmark process nothing.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { request } from "./http.ts";
import { BUILD_DIR, LOG_LEVEL, PORTS, root, sleep, TOKEN } from "./options.ts";

const given = new Set<number>();

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let port = PORTS.first; port <= PORTS.last; port++) {
    if (!given.has(port) && (await bindable(port))) {
      given.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${PORTS.first}-${PORTS.last}`);
}

export type Child = {
  name: string;
  child: ChildProcess;
  port: number;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
};

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function track(name: string, child: ChildProcess, port: number, logFile: string): Child {
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));
  const output = () => {
    try {
      return fs.readFileSync(logFile, "utf8").slice(-6_000);
    } catch {
      return "";
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(12_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await Promise.race([exited, sleep(2_000)]);
  };
  return { name, child, port, pid: child.pid!, output, stop };
}

export async function startApp(
  databaseUrl: string,
  logFile: string,
  logLevel = LOG_LEVEL,
  env: Record<string, string> = {},
): Promise<Child> {
  const port = await freePort();
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      BUILD_DIR,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: logLevel,
      SEED_DEMO_DATA: "auto",
      ...env,
    },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const app = track("app", child, port, logFile);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${app.output()}`);
    const healthy = await request(port, "GET", "/healthz").then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) return app;
    await sleep(100);
  }
  await app.stop();
  throw new Error(`the app was not healthy within 90 s:\n${app.output()}`);
}

/** Starts baseline-server.ts serving the captured responses in `capturesFile`. */
export function startBaseline(capturesFile: string, logFile: string): Promise<Child> {
  return startHelper("baseline", "baseline-server.ts", [capturesFile], logFile);
}

/** Starts a server script of this directory, `<script> <port> ...args`; it says "ready" over IPC. */
export async function startHelper(
  name: string,
  script: string,
  args: string[],
  logFile: string,
  env: Record<string, string> = {},
): Promise<Child> {
  const port = await freePort();
  const out = fs.openSync(logFile, "w");
  const file = path.join(root, "bench/status-page", script);
  const child = spawn(process.execPath, ["--import", "tsx", file, String(port), ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", out, out, "ipc"],
  });
  fs.closeSync(out);
  const helper = track(name, child, port, logFile);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${helper.output()}`)), 30_000);
    child.once("message", () => (clearTimeout(timer), resolve()));
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`${name} exited with ${code}:\n${helper.output()}`))));
  });
  child.disconnect();
  return helper;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** CPU seconds the whole machine spent busy (not idle or iowait), from /proc/stat. */
export function machineBusySeconds(): number {
  const [, ...ticks] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / 100;
}
