// Incident list with 10,000 incidents: how long the first page, a deep page and filtered
// pages take through the real server (API and HTML page).
//   node --import tsx bench/incidents/run.ts [--incidents 10000] [--requests 50]
// Expects a build in $BUILD_DIR (default build); traffic only to 127.0.0.1.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const INCIDENTS = arg("incidents", 10_000);
const REQUESTS = arg("requests", 50);
const TOKEN = "bench-incidents-token-0123456789abcdef";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "bench-incidents-"));
const dbPath = join(dir, "app.db");
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${dbPath}`, BOOTSTRAP_ADMIN_TOKEN: TOKEN, LOG_LEVEL: "warn" },
  stdio: ["ignore", "inherit", "inherit"],
});
const deadline = setTimeout(() => {
  console.error("bench timed out");
  server.kill("SIGKILL");
  process.exit(1);
}, 300_000);

try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 100) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }

  // Bulk rows straight into the database: the bench measures reading, not declaring.
  const db = new Database(dbPath);
  db.pragma("busy_timeout = 5000");
  const user = db.prepare(`SELECT id FROM "User" LIMIT 1`).get() as { id: string };
  const components = (db.prepare(`SELECT id FROM "Component" WHERE "isGroup" = 0`).all() as { id: string }[]).map((c) => c.id);
  const base36 = () => Math.random().toString(36).slice(2, 14).padEnd(12, "0");
  const insert = db.prepare(
    `INSERT INTO "Incident" (id, number, title, summary, severity, status, "lastSeq", "startedAt", "detectedAt", "resolvedAt", "declaredById", "createdAt", "updatedAt")
     VALUES (?, ?, ?, '', ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const impact = db.prepare(
    `INSERT INTO "IncidentComponent" (id, "incidentId", "componentId", impact, "startedAt", "endedAt") VALUES (?, ?, ?, 'partial_outage', ?, ?)`,
  );
  const started = Date.now();
  db.transaction(() => {
    const first = (db.prepare(`SELECT "incidentCounter" AS n FROM "Organization"`).get() as { n: number }).n;
    for (let i = 0; i < INCIDENTS; i++) {
      const id = base36();
      const at = Date.now() - (i + 1) * 37 * 60_000;
      const resolved = i % 50 === 0 ? null : at + 45 * 60_000;
      insert.run(
        id,
        first + i + 1,
        `Synthetic incident ${i}`,
        `SEV${(i % 4) + 1}`,
        resolved ? "resolved" : "investigating",
        at,
        at,
        resolved,
        user.id,
        at,
        at,
      );
      impact.run(base36(), id, components[i % components.length], at, resolved);
    }
    db.prepare(`UPDATE "Organization" SET "incidentCounter" = "incidentCounter" + ?`).run(INCIDENTS);
  })();
  db.close();
  console.log(`inserted ${INCIDENTS} incidents in ${Date.now() - started} ms`);

  const headers = { Authorization: `Bearer ${TOKEN}` };
  async function time(label: string, url: string) {
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const res = await fetch(base + url, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(1);
    return { label, median: q(0.5), p99: q(0.99), max: samples[samples.length - 1].toFixed(1) };
  }

  // A cursor 100 pages deep (5,000 incidents in), to show keyset paging costs the same at any depth.
  let cursor = "";
  for (let page = 0; page < 100; page++) {
    const body = (await (await fetch(`${base}/api/v1/incidents?limit=50${cursor ? `&cursor=${cursor}` : ""}`, { headers })).json()) as {
      nextCursor: string;
    };
    cursor = body.nextCursor;
  }
  const component = (await (await fetch(`${base}/api/v1/components`, { headers })).json()) as {
    components: { id: string; group: boolean }[];
  };
  const leaf = component.components.find((c) => !c.group)!.id;

  const rows = [
    await time("API first page (50)", "/api/v1/incidents?limit=50"),
    await time("API page 101 (cursor)", `/api/v1/incidents?limit=50&cursor=${cursor}`),
    await time("API severity=SEV1", "/api/v1/incidents?severity=SEV1&limit=50"),
    await time("API status=open", "/api/v1/incidents?status=open&limit=50"),
    await time("API component filter", `/api/v1/incidents?component=${leaf}&limit=50`),
    await time("HTML /incidents", "/incidents"),
    await time("HTML /incidents deep", `/incidents?cursor=${cursor}`),
  ];
  console.log(`\n${INCIDENTS} incidents, ${REQUESTS} sequential requests each (ms)`);
  console.table(rows);
} finally {
  clearTimeout(deadline);
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
