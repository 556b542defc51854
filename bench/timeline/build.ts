// The build the server runs: made if missing (or with --rebuild), and checked against app/.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { log } from "./log.ts";
import { BUILD_DIR, opts, root } from "./options.ts";

export function gitCommit(): string | null {
  const r = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8", timeout: 5_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The newest file under the directories the build is made from (app/ without generated code). */
function newestSource(): { file: string; mtime: Date } | null {
  let newest: { file: string; mtime: Date } | null = null;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (entry.isFile()) {
        const mtime = fs.statSync(full).mtime;
        if (!newest || mtime > newest.mtime) newest = { file: path.relative(root, full), mtime };
      }
    }
  };
  walk(path.join(root, "app"));
  return newest;
}

export type Build = { dir: string; builtAt: string; builtNow: boolean; sourceChangedAfter: string | null };

/** Uses the build in BUILD_DIR, building it first if it is missing (or with --rebuild); says if app/ changed since. */
export function ensureBuild(): Build {
  const entry = path.resolve(root, BUILD_DIR, "server/index.js");
  let builtNow = false;
  if (!fs.existsSync(entry) || opts.rebuild) {
    log(`building the app into ${BUILD_DIR} (npx remix vite:build) ...`);
    const r = spawnSync("npx", ["remix", "vite:build"], {
      cwd: root,
      env: { ...process.env, BUILD_DIR },
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 300_000,
    });
    if (r.status !== 0 || !fs.existsSync(entry)) throw new Error(`the build failed (exit ${r.status ?? r.signal})`);
    builtNow = true;
  }
  const builtAt = fs.statSync(entry).mtime;
  const newest = newestSource();
  const stale = newest && newest.mtime > builtAt ? newest.file : null;
  if (!builtNow) log(`using the existing build in ${BUILD_DIR} (built ${builtAt.toISOString()}; --rebuild to rebuild)`);
  if (stale) log(`warning: ${stale} changed after the build; the server runs older code (--rebuild)`);
  return { dir: BUILD_DIR, builtAt: builtAt.toISOString(), builtNow, sourceChangedAfter: stale };
}
