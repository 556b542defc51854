// Runs one of the repo's npm scripts (scripts/<name>.ts) as an operator would, on a database.
import { spawn } from "node:child_process";
import { REPO_ROOT } from "./app-process.ts";

export type ScriptRun = { code: number | null; stdout: string; stderr: string };

export function runScript(script: "backup" | "restore" | "move-to-postgres", args: string[], databaseUrl: string): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("exit", (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}
