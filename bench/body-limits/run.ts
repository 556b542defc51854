// Floods of chunked request bodies, as an attacker sends them (on after the answer, until the
// server closes the connection): the server's memory and the public page while they arrive.
//   node --import tsx bench/body-limits/run.ts [--posts 10] [--mb 1000] [--path /login]
// Runs the build in $BUILD_DIR (default build) on a fresh SQLite database; traffic only to 127.0.0.1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnApp } from "../../tests/setup/app-process.ts";
import { floodPost, keepAsking, rssMb } from "../../tests/setup/floods.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const POSTS = Number(arg("posts", "10"));
const MB = Number(arg("mb", "1000"));
const PATHS = arg("path", "/login,/status/subscribe").split(",");

const dir = mkdtempSync(join(tmpdir(), "bench-body-limits-"));
const app = await spawnApp({ DATABASE_URL: `file:${join(dir, "app.db")}`, SEED_DEMO_DATA: "auto", LOG_LEVEL: "warn" });
try {
  for (let i = 0; i < 50; i++) await fetch(`${app.baseUrl}/status`).then((r) => r.arrayBuffer());
  for (const path of PATHS) {
    const before = rssMb(app.pid);
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, rssMb(app.pid))), 20);
    const status = keepAsking(app.baseUrl, "/status", 20);
    const started = performance.now();
    const floods = await Promise.all(
      Array.from({ length: POSTS }, () =>
        floodPost(app.baseUrl, {
          path,
          totalBytes: MB * 1024 * 1024,
          head: "email=flood%40example.com&password=",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          keepSending: true,
        }),
      ),
    );
    const ms = Math.round(performance.now() - started);
    clearInterval(watch);
    const asked = await status.stop();
    const after = rssMb(app.pid);
    const statuses = [...new Set(floods.map((f) => f.status))].join(", ");
    const sent = floods.map((f) => f.sentBytes / 1024 / 1024);
    console.log(
      [
        `${POSTS} x ${MB} MB chunked to ${path} (${ms} ms): answered ${statuses}`,
        `  client got through before the server closed: ${Math.min(...sent).toFixed(1)}–${Math.max(...sent).toFixed(1)} MB per post`,
        `  server RSS: ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(1)}), ${after.toFixed(
          0,
        )} MB after`,
        `  /status during the flood: ${asked.asked} answers, slowest ${asked.slowestMs} ms, ${asked.failures.length} failures`,
      ].join("\n"),
    );
  }
} finally {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
}
