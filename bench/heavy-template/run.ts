// A notice template near the per-render limit, published to N confirmed subscribers: how slow
// /status and /healthz get while the notices are filled and sent (issue 13 item 8).
//   TEST_BUILD_DIR=<build> node --import tsx bench/heavy-template/run.ts [--subscribers 32] [--label after]
// Runs the build in $TEST_BUILD_DIR (default build) on a fresh SQLite database, with the tests'
// Resend stand-in; traffic only to 127.0.0.1. Saves the heaviest template the server accepts
// (its save check renders it under the 500 ms limit), then polls both paths every 20 ms from the
// publish until every notice is sent. Prints one line of figures; writes no JSON.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_TOKEN, BUILD_DIR, spawnApp } from "../../tests/setup/app-process.ts";
import { startResendStandIn } from "../../tests/setup/resend-stand-in.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SUBSCRIBERS = Number(arg("subscribers", "32"));
const LABEL = arg("label", BUILD_DIR);
/** --loop N: this loop size only (0: no loop, the light template, for comparison) */
const LOOP = process.argv.includes("--loop") ? Number(arg("loop", "0")) : null;

const heavyLoop = (n: number) =>
  n === 0 ? "" : `{% for i in (1..${n}) %}{% for j in (1..${n}) %}{% assign x = title | append: j %}{% endfor %}{% endfor %}`;
const heavyNotice = (n: number) => ({
  subject: "HEAVY {{ title }}",
  text: `${heavyLoop(n)}HEAVY {{ title }}\n{{ body }}\nLeave: {{ unsubscribe_url }}`,
  html: `${heavyLoop(n)}<p>HEAVY {{ title }}</p><a href="{{ unsubscribe_url }}">Leave</a>`,
});

const dir = mkdtempSync(join(tmpdir(), "bench-heavy-template-"));
const standIn = await startResendStandIn();
const app = await spawnApp({
  DATABASE_URL: `file:${join(dir, "app.db")}`,
  SEED_DEMO_DATA: "auto",
  BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
  LOG_LEVEL: "warn",
  RESEND_API_KEY: standIn.apiKey,
  RESEND_BASE_URL: standIn.url,
  EMAIL_REQUESTS_PER_SECOND: "50",
});
const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(app.baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

function keepAsking(path: string) {
  let slowest = 0;
  let asked = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(app.baseUrl + path).then((r) => r.arrayBuffer());
      slowest = Math.max(slowest, performance.now() - started);
      asked += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return { stop: async () => ((running = false), await loop, { path, asked, slowestMs: Math.round(slowest) }) };
}

try {
  const confirmedAt = new Date(Date.now() - 60_000).toISOString();
  for (let i = 0; i < SUBSCRIBERS; i++) await call("POST", "/api/v1/subscribers", { email: `heavy-${i}@example.com`, confirmedAt });
  let n = 0;
  for (const size of LOOP === null ? [220, 190, 160, 130, 100] : [LOOP]) {
    if ((await call("PUT", "/api/v1/notice-templates/incident.created", heavyNotice(size))).status === 200) {
      n = size;
      break;
    }
  }
  if (!n && LOOP !== 0) throw new Error("no heavy template was accepted");
  const incident = (await call("POST", "/api/v1/incidents", { title: "Heavy template bench", severity: "SEV3" })).body.incident;
  const watchers = [keepAsking("/status"), keepAsking("/healthz")];
  const started = performance.now();
  const update = await call("POST", `/api/v1/incidents/${incident.id}/updates`, {
    status: "investigating",
    body: "Bench.",
    publish: true,
    notify: true,
  });
  const publishMs = Math.round(performance.now() - started);
  const updateId = update.body.update.id as string;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const email = (await call("GET", `/api/v1/updates/${updateId}/deliveries`)).body.deliveries.byChannel.email;
    if (email.sent + email.dead >= SUBSCRIBERS || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const allSentMs = Math.round(performance.now() - started);
  const answers = await Promise.all(watchers.map((w) => w.stop()));
  const heavy = standIn.received.filter((e) => e.subject.startsWith("HEAVY")).length;
  const audit = (await call("GET", "/api/v1/audit-events?action=notice.shipped_template_sent")).body;
  if (heavy < SUBSCRIBERS) console.log("shipped notice sent instead:", JSON.stringify(audit).slice(0, 600));
  console.log(
    `${LABEL}: ${SUBSCRIBERS} subscribers, template ${n}x${n} steps per part; publish answered in ${publishMs} ms, all sent in ${allSentMs} ms ` +
      `(${heavy} with the admin's template); slowest ${answers.map((a) => `${a.path} ${a.slowestMs} ms (${a.asked} asked)`).join(", ")}`,
  );
} finally {
  await app.stop();
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
}
