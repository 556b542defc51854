// nginx from Debian's package in front of app instances, configured by the shipped
// deploy/nginx.conf with only the addresses changed. Test-only: each response names the
// instance that served it (X-Upstream), so a test can tell the instances apart.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, REPO_ROOT } from "./app-process.ts";

const NGINX = "/usr/sbin/nginx";

export type Nginx = { baseUrl: string; logs(): string; stop(): Promise<void> };

export type NginxOptions = {
  /** /collab round-robin too, as shipped for instances sharing live editing through Redis (REDIS_URL);
   *  otherwise the file's no-Redis variant: its commented `hash $arg_postmortem` line put back. */
  collabRoundRobin?: boolean;
  /** The port nginx listens on (a free one by default): known before the instances start, for their PUBLIC_URL. */
  port?: number;
};

/** deploy/nginx.conf with the listen address and the two instances' ports put in. */
export function renderDeployConfig(
  listenPort: number,
  instancePorts: [number, number],
  { collabRoundRobin = false }: NginxOptions = {},
): string {
  const shipped = readFileSync(path.join(REPO_ROOT, "deploy/nginx.conf"), "utf8");
  const hashedWithoutRedis = "    # hash $arg_postmortem consistent;\n";
  if (!shipped.includes(hashedWithoutRedis))
    throw new Error("deploy/nginx.conf no longer has the commented /collab hash (the no-Redis variant) this test expects");
  const rendered = (collabRoundRobin ? shipped : shipped.replace(hashedWithoutRedis, "    hash $arg_postmortem consistent;\n"))
    .replace("listen 80;", `listen 127.0.0.1:${listenPort};`)
    .replaceAll("127.0.0.1:3001", `127.0.0.1:${instancePorts[0]}`)
    .replaceAll("127.0.0.1:3002", `127.0.0.1:${instancePorts[1]}`)
    .replace(/server_name [^;]+;/, (line) => `${line}\n    add_header X-Upstream $upstream_addr always;`);
  if (rendered === shipped || !rendered.includes(`:${instancePorts[1]}`))
    throw new Error("deploy/nginx.conf no longer has the addresses this test replaces");
  return rendered;
}

export async function startNginx(instancePorts: [number, number], options: NginxOptions = {}): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx (.ci/run does)`);
  const dir = mkdtempSync(path.join(tmpdir(), "incident-desk-nginx-"));
  // nginx's workers drop to an unprivileged user when started as root: they must reach their temp dirs.
  chmodSync(dir, 0o755);
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(dir, sub));
    chmodSync(path.join(dir, sub), 0o777);
  }
  const port = options.port ?? (await freePort());
  writeFileSync(path.join(dir, "incident-desk.conf"), renderDeployConfig(port, instancePorts, options));
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      "error_log stderr warn;",
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      ...["body", "proxy", "fastcgi", "uwsgi", "scgi"].map((sub) => `  ${sub === "body" ? "client_body" : sub}_temp_path ${dir}/${sub};`),
      `  include ${dir}/incident-desk.conf;`,
      "}",
    ].join("\n"),
  );
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const logs = () => lines.slice(-50).join("\n");
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (code ${child.exitCode}):\n${logs()}`);
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s:\n${logs()}`);
    if (
      await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl,
    logs,
    async stop() {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
