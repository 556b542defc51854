// The delivery worker as its own process (`npm run worker`) beside a web app that runs none:
// killed with SIGKILL in the middle of a send to 2,500 subscribers, then started again, it
// still gets each notice to each reader exactly once (the batch that was in flight goes again
// under its idempotency key once its lease runs out). Two workers at once, too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startApp, type TestApp } from "../setup/app-server.ts";
import {
  addConfirmedSubscribers,
  emailCounts,
  noticesOf,
  notExactlyOnce,
  publishNotifyingUpdate,
  startWorkerProcess,
  waitUntilSent,
  type WorkerProcess,
} from "../setup/delivery-helpers.ts";
import { startResendStandIn, type ResendStandIn } from "../setup/resend-stand-in.ts";

const READERS = 2_500;
const LEASE_MS = 3_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databases())("the delivery worker as its own process on %s", (database) => {
  let standIn: ResendStandIn;
  let app: TestApp;
  let readers: string[];
  const workers: WorkerProcess[] = [];

  const workerEnv = () => ({
    RESEND_API_KEY: standIn.apiKey,
    RESEND_BASE_URL: standIn.url,
    EMAIL_REQUESTS_PER_SECOND: "50",
    DELIVERY_LEASE_MS: String(LEASE_MS),
  });
  async function startWorker(name = `worker-${workers.length + 1}`) {
    const worker = await startWorkerProcess(app, { ...workerEnv(), RESEND_USER_AGENT: name });
    workers.push(worker);
    return worker;
  }

  beforeAll(async () => {
    standIn = await startResendStandIn({ requestsPerSecond: 20 });
    app = await startApp({ database, env: { ...workerEnv(), DELIVERY_WORKER: "off" } });
    readers = await addConfirmedSubscribers(app.api, "reader", READERS);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill("SIGKILL")));
    await app?.stop();
    await standIn?.close();
  });

  it("web process with DELIVERY_WORKER=off sends nothing by itself; a worker started later sends the queue", async () => {
    const { updateId } = await publishNotifyingUpdate(app.api, `Nobody sends ${database}`);
    await delay(2_500);
    expect((await emailCounts(app.api, updateId)).email).toMatchObject({ queued: READERS, sent: 0 });
    expect(noticesOf(standIn, updateId)).toEqual([]);
    const worker = await startWorker();
    await waitUntilSent(app.api, updateId, READERS, 60_000);
    expect(
      notExactlyOnce(
        readers,
        noticesOf(standIn, updateId).flatMap((e) => e.to),
      ),
    ).toEqual({});
    await worker.kill("SIGTERM");
  }, 90_000);

  it("sends nothing to a subscriber removed after the publish, before the worker got to them", async () => {
    const leaving = "removed-after-publish@example.com";
    const created = await app.api.post("/api/v1/subscribers", { email: leaving, confirmedAt: new Date().toISOString() });
    expect(created.status).toBe(201);
    const { updateId } = await publishNotifyingUpdate(app.api, `Removed meanwhile ${database}`);
    expect((await app.api.delete(`/api/v1/subscribers/${created.body.subscriber.id}`)).status).toBe(204);
    const worker = await startWorker();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { email } = await emailCounts(app.api, updateId);
      if (email.queued + email.sending + email.failed === 0) break;
      if (Date.now() > deadline) throw new Error(`still outstanding: ${JSON.stringify(email)}`);
      await delay(250);
    }
    await worker.kill("SIGTERM");
    const toLeaving = noticesOf(standIn, updateId).filter((e) => e.to.includes(leaving));
    expect(
      toLeaving.map((e) => e.headers["List-Unsubscribe"]),
      "notice sent to a removed subscriber",
    ).toEqual([]);
    expect(
      notExactlyOnce(
        readers,
        noticesOf(standIn, updateId)
          .flatMap((e) => e.to)
          .filter((a) => a !== leaving),
      ),
    ).toEqual({});
  }, 90_000);

  it("a worker killed mid-send and a new one deliver each notice exactly once", async () => {
    standIn.setDelay(300);
    const replayedBefore = standIn.stats.replayed;
    const first = await startWorker();
    const { updateId } = await publishNotifyingUpdate(app.api, `Worker killed ${database}`);

    // Kill it while a batch is in the provider's hands: accepted there, not yet recorded as sent here.
    const deadline = Date.now() + 60_000;
    while (!(noticesOf(standIn, updateId).length >= 800 && standIn.inFlight() > 0)) {
      if (Date.now() > deadline) throw new Error(`no batch in flight: ${JSON.stringify(standIn.stats)}\n${first.logs()}`);
      await delay(5);
    }
    await first.kill("SIGKILL");
    const atKill = noticesOf(standIn, updateId).length;
    const before = (await emailCounts(app.api, updateId)).email;
    expect(before.sent).toBeLessThan(atKill);
    expect(before.sending).toBeGreaterThan(0);

    await delay(500); // the request in flight runs out at the stand-in, its answer to nobody
    standIn.setDelay(20);
    const started = Date.now();
    await startWorker();
    await waitUntilSent(app.api, updateId, READERS, 90_000);
    const resent = standIn.stats.replayed - replayedBefore;
    console.info(
      `[${database}] killed at ${atKill} accepted / ${before.sent} marked sent; restarted worker finished in ${Date.now() - started} ms; batches resent and answered from the idempotency key: ${resent}`,
    );

    const notices = noticesOf(standIn, updateId);
    expect(
      notExactlyOnce(
        readers,
        notices.flatMap((e) => e.to),
      ),
    ).toEqual({});
    expect(notices).toHaveLength(READERS);
    expect(resent).toBeGreaterThanOrEqual(1);
    // Only what was in flight or accepted but unrecorded at the kill went again.
    expect(resent).toBeLessThanOrEqual(Math.ceil((atKill - before.sent) / 100));
    expect(standIn.stats.conflicts).toBe(0);
    expect((await emailCounts(app.api, updateId)).email).toMatchObject({ sent: READERS, sending: 0, queued: 0, dead: 0 });
  }, 180_000);

  it("two workers at once send each notice exactly once", async () => {
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));
    standIn.setDelay(20);
    const requestsBefore = standIn.stats.requests;
    const replayedBefore = standIn.stats.replayed;
    await Promise.all([startWorker("pair-a"), startWorker("pair-b")]);
    const { updateId } = await publishNotifyingUpdate(app.api, `Two workers ${database}`);
    await waitUntilSent(app.api, updateId, READERS, 90_000);

    const notices = noticesOf(standIn, updateId);
    expect(
      notExactlyOnce(
        readers,
        notices.flatMap((e) => e.to),
      ),
    ).toEqual({});
    expect(notices).toHaveLength(READERS);
    // No batch went twice: none was answered from its idempotency key or refused as concurrent.
    expect(standIn.stats.replayed - replayedBefore).toBe(0);
    expect(standIn.stats.conflicts).toBe(0);
    // Both took part (each SDK sends its own User-Agent).
    expect(new Set(notices.map((e) => e.userAgent))).toEqual(new Set(["pair-a", "pair-b"]));
    console.info(
      `[${database}] two workers: ${standIn.stats.requests - requestsBefore} requests, 429s so far ${standIn.stats.rateLimited}`,
    );
  }, 120_000);
});
