// What the delivery tests do through the API, as comms and an admin would: add confirmed
// subscribers, publish an update that notifies them, and watch the delivery counts; and the
// delivery worker as its own process (`npm run worker`), which a test may kill.
import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "vitest";
import { REPO_ROOT } from "./app-process.ts";
import type { Api, TestApp } from "./app-server.ts";
import type { ResendStandIn } from "./resend-stand-in.ts";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `limit` calls in flight. */
export async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export const readerAddress = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, "0")}@example.com`;

/** Adds `count` subscribers confirmed an hour ago (as an import would); returns their addresses. */
export async function addConfirmedSubscribers(api: Api, prefix: string, count: number, concurrency = 8): Promise<string[]> {
  const addresses = Array.from({ length: count }, (_, i) => readerAddress(prefix, i));
  const confirmedAt = new Date(Date.now() - 3_600_000).toISOString();
  await inParallel(addresses, concurrency, async (email) => {
    const response = await api.post("/api/v1/subscribers", { email, confirmedAt });
    if (response.status !== 201) throw new Error(`subscribing ${email} answered ${response.status}: ${JSON.stringify(response.body)}`);
  });
  return addresses;
}

/** Declares a SEV3 incident and publishes an update with notify on; returns both. */
export async function publishNotifyingUpdate(api: Api, title: string): Promise<{ incidentId: string; updateId: string; title: string }> {
  const declared = await api.post("/api/v1/incidents", { title, severity: "SEV3" });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  const incidentId = declared.body.incident.id as string;
  const update = await api.post(`/api/v1/incidents/${incidentId}/updates`, {
    status: "investigating",
    body: `We are looking into ${title}.`,
    publish: true,
    notify: true,
  });
  expect(update.status, JSON.stringify(update.body)).toBe(201);
  expect(update.body.update.state).toBe("published");
  return { incidentId, updateId: update.body.update.id, title };
}

export type EmailCounts = { queued: number; sending: number; sent: number; failed: number; dead: number; bounced: number };

export async function emailCounts(api: Api, updateId: string): Promise<{ email: EmailCounts; total: number; lastErrors: unknown[] }> {
  const response = await api.get(`/api/v1/updates/${updateId}/deliveries`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const { byChannel, total, lastErrors } = response.body.deliveries;
  return { email: byChannel.email, total, lastErrors };
}

/** Waits until the deliveries API shows `count` emails sent for the update; fails on a dead letter. */
export async function waitUntilSent(api: Api, updateId: string, count: number, timeoutMs: number): Promise<EmailCounts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { email, lastErrors } = await emailCounts(api, updateId);
    if (email.dead > 0) throw new Error(`dead letters: ${JSON.stringify(email)} ${JSON.stringify(lastErrors)}`);
    if (email.sent >= count) return email;
    if (Date.now() > deadline)
      throw new Error(`not all sent within ${timeoutMs} ms: ${JSON.stringify(email)} ${JSON.stringify(lastErrors).slice(0, 500)}`);
    await delay(250);
  }
}

/** The notices of one update the stand-in recorded (their idempotency key names the update). */
export function noticesOf(standIn: ResendStandIn, updateId: string) {
  return standIn.received.filter((e) => e.idempotencyKey?.startsWith(`update/${updateId}/`));
}

/** How often each address occurs; only the ones that do not occur exactly once. */
export function notExactlyOnce(expected: string[], got: string[]): Record<string, number> {
  const seen = new Map<string, number>(expected.map((a) => [a, 0]));
  for (const address of got) seen.set(address, (seen.get(address) ?? 0) + 1);
  return Object.fromEntries([...seen].filter(([, n]) => n !== 1));
}

export type WorkerProcess = { pid: number; logs(): string; exited: Promise<void>; kill(signal: NodeJS.Signals): Promise<void> };

const workers = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of workers) child.kill("SIGKILL");
});

/** Starts `scripts/worker.ts` on the app's database; resolves once it says it started. */
export async function startWorkerProcess(app: TestApp, env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", DATABASE_URL: app.databaseUrl, DELIVERY_WORKER: "on", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => workers.delete(child));
  const logs = () => lines.slice(-100).join("\n");
  const deadline = Date.now() + 30_000;
  while (!lines.some((l) => l.includes("delivery worker started"))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the worker exited (code ${child.exitCode}):\n${logs()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start within 30 s:\n${logs()}`);
    await delay(50);
  }
  return {
    pid: child.pid!,
    logs,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
