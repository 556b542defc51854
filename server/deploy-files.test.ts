// The files docs/deploy.md tells operators to install are the ones the tests and the code agree
// with: nginx balances round robin (no ip_hash, no sticky cookie) with the shipped file the
// two-instance test runs (tests/setup/nginx.ts), and the systemd units start what `npm run serve`
// and `npm run worker` start and wait longer than a stop may take.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const setting = (unit: string, key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(unit)?.[1];
const msIn = (source: string, name: string) => Number(new RegExp(`${name}[^=]*=\\s*([\\d_]+)`).exec(source)![1].replaceAll("_", ""));

describe("deploy/", () => {
  const nginx = read("deploy/nginx.conf").replace(/#.*$/gm, "");

  it("has nginx balance every request round robin: no ip_hash, no sticky cookie, no hash on the main upstream", () => {
    expect(nginx).not.toMatch(/\bip_hash\b|\bsticky\b/);
    const main = /upstream incident_desk \{([^}]*)\}/.exec(nginx)![1];
    expect(main).not.toMatch(/\bhash\b|\bleast_conn\b/);
    expect(main.match(/^\s*server /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(nginx).toMatch(/proxy_next_upstream error timeout http_502 http_503;/);
  });

  it("has the two-instance test run the shipped nginx file", () => {
    expect(read("tests/setup/nginx.ts")).toContain('readFileSync(path.join(REPO_ROOT, "deploy/nginx.conf"), "utf8")');
  });

  it("has systemd units that start what npm run serve and npm run worker start, and outwait a stop", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    const web = read("deploy/incident-desk@.service");
    const worker = read("deploy/incident-desk-worker.service");
    expect(setting(web, "ExecStart")).toBe(`/usr/bin/${scripts.serve}`);
    expect(setting(worker, "ExecStart")).toBe(`/usr/bin/${scripts.worker}`);
    expect(setting(web, "Environment")).toContain("PORT=%i");

    const server = read("server.ts");
    const env = read("app/utils/env.server.ts");
    const graceMs = Number(/SHUTDOWN_READY_GRACE_MS:.*\.default\(([\d_]+)\)/.exec(env)![1].replaceAll("_", ""));
    const longestStopSeconds = (graceMs + msIn(server, "HARD_STOP_MS")) / 1000;
    expect(Number(setting(web, "TimeoutStopSec"))).toBeGreaterThan(longestStopSeconds);
    const workerHardStopMs = Number(/process\.exit\(0\), ([\d_]+)\)/.exec(read("scripts/worker.ts"))![1].replaceAll("_", ""));
    expect(Number(setting(worker, "TimeoutStopSec"))).toBeGreaterThan(workerHardStopMs / 1000);
  });
});
