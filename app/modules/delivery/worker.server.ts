// The delivery worker: takes due batches from the outbox and sends them, at the provider's
// pace. A batch is claimed with a conditional update (the claim and a lease), so several
// workers, in the app or run as `npm run worker`, never send one batch at the same time; a
// worker that dies leaves its lease to run out, and the next one sends the batch again under
// the same idempotency key, which the provider answers without sending twice.
import { claimOneDelivery } from "~/modules/delivery/claim.server.ts";
import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma-sqlite/client.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { composeEmails } from "./compose.server.ts";
import { sendThroughResend, usesResend, writeToOutbox, type Email } from "./mailer.server.ts";
import { MAX_ATTEMPTS, nextStep } from "./retry.ts";
import { prepareWebhook, sendWebhook, webhookFacts } from "./webhook-sender.server.ts";
import { wakeWorker, workerAlarm } from "./wake.ts";
import { remindDuePromises } from "~/modules/notifications/promises.server.ts";
import { carryOutSubscribeRequests, SUBSCRIBE_REQUEST } from "~/modules/subscribers/subscribe-requests.server.ts";
import { claimSlackDelivery, sendSlackDelivery } from "~/modules/slack/sender.server.ts";
import { singleton } from "~/utils/singleton.ts";

const IDLE_POLL_MS = 2_000;

type Worker = {
  running: boolean;
  done: Promise<void> | null;
  notBefore: number;
  lastSend: number;
  /** the provider's own limit, when its response headers said one lower than ours */
  providerLimit: number | null;
};
const worker = singleton<Worker>("deliveryWorker", () => ({ running: false, done: null, notBefore: 0, lastSend: 0, providerLimit: null }));

/** Claims the next due batch; null when nothing is due. */
async function claimBatch(now: Date): Promise<{ claim: string; batchKey: string } | null> {
  return db.$transaction(async (tx) => {
    // A lease that ran out belongs to a worker that died: its batch is due again, and that
    // counts as an attempt (the provider may have accepted it), so a batch that kills its
    // worker every time ends among the dead letters instead of going round forever.
    const expired = { state: "sending" as const, leaseUntil: { lt: now } };
    await tx.delivery.updateMany({
      where: { ...expired, attempts: { gte: MAX_ATTEMPTS - 1 } },
      data: {
        state: "dead",
        claim: null,
        leaseUntil: null,
        attempts: { increment: 1 },
        lastError: "its worker stopped while sending it, too often",
      },
    });
    await tx.delivery.updateMany({
      where: expired,
      data: {
        state: "queued",
        claim: null,
        leaseUntil: null,
        attempts: { increment: 1 },
        lastError: "its worker stopped while sending it; sending again",
      },
    });
    const due = await tx.delivery.findFirst({
      where: { channel: "email", state: { in: ["queued", "failed"] }, nextAttemptAt: { lte: now } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      select: { batchKey: true },
    });
    if (!due?.batchKey) return null;
    const claim = randomUUID();
    const claimed = await tx.delivery.updateMany({
      where: { batchKey: due.batchKey, state: { in: ["queued", "failed"] }, nextAttemptAt: { lte: now } },
      data: { state: "sending", claim, leaseUntil: new Date(now.getTime() + env().DELIVERY_LEASE_MS) },
    });
    return claimed.count ? { claim, batchKey: due.batchKey } : null;
  });
}

async function pace(): Promise<void> {
  // Our configured pace, or the provider's, whichever is slower; a 429 pauses everything.
  // 2% under the limit: requests spaced exactly at it can fall six to a one-second window.
  const gap = (1000 / Math.min(env().EMAIL_REQUESTS_PER_SECOND, worker.providerLimit ?? Infinity)) * 1.02;
  const wait = Math.max(worker.notBefore - Date.now(), worker.lastSend + gap - Date.now(), 0);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  worker.lastSend = Date.now();
}

/**
 * Keeps the provider's id of each email (its events name it), in one statement: the ids come
 * back in the order the emails were sent. A replay answered without ids leaves them null.
 */
async function storeProviderIds(tx: Tx, claim: string, emails: Email[], providerIds: string[]): Promise<void> {
  if (providerIds.length === 0) return;
  if (providerIds.length !== emails.length) {
    logger.warn({ emails: emails.length, ids: providerIds.length }, "the provider answered a batch with another number of ids; not stored");
    return;
  }
  const cases = emails.map((e, i) => Prisma.sql`WHEN ${e.deliveryId} THEN ${providerIds[i]}`);
  await tx.$executeRaw`UPDATE "Delivery" SET "providerId" = CASE "id" ${Prisma.join(cases, " ")} END
    WHERE "claim" = ${claim} AND "id" IN (${Prisma.join(emails.map((e) => e.deliveryId))})`;
}

/** Sends one claimed batch and records the outcome on each of its deliveries. */
async function sendBatch({ claim, batchKey }: { claim: string; batchKey: string }): Promise<void> {
  let rows = await db.$transaction((tx) =>
    tx.delivery.findMany({
      where: { claim },
      include: { subscriber: { select: { token: true, unsubscribedAt: true, bouncedAt: true } } },
      orderBy: { id: "asc" },
    }),
  );
  // A subscribe-form request is carried out here, away from the form's answer (decision 0033);
  // the confirmation it may call for is a batch of its own.
  if (rows[0]?.kind === SUBSCRIBE_REQUEST) return carryOutSubscribeRequests(claim, rows);
  // Before the first attempt, whoever left since the publish is dropped from the batch. After
  // it, the batch is sent again exactly as it was: the provider may have accepted it, and the
  // same idempotency key needs the same content.
  if (rows.every((r) => r.attempts === 0)) {
    const gone = rows.filter((r) => !r.subscriber || r.subscriber.unsubscribedAt || r.subscriber.bouncedAt);
    if (gone.length) {
      await db.$transaction((tx) => tx.delivery.deleteMany({ where: { id: { in: gone.map((r) => r.id) }, claim } }));
      rows = rows.filter((r) => !gone.includes(r));
    }
  }
  if (rows.length === 0) return;
  const composeStarted = performance.now();
  const emails = await composeEmails(rows);
  logger.debug({ batchKey, ms: Math.round(performance.now() - composeStarted) }, "batch composed");
  const now = () => new Date();

  if (!usesResend()) {
    await db.$transaction(async (tx) => {
      await writeToOutbox(tx, emails);
      await tx.delivery.updateMany({
        where: { claim },
        data: { state: "sent", sentAt: now(), attempts: { increment: 1 }, claim: null, leaseUntil: null, lastError: null },
      });
    });
    return;
  }

  await pace();
  const sendStarted = performance.now();
  const result = await sendThroughResend(emails, batchKey);
  logger.debug({ batchKey, ms: Math.round(performance.now() - sendStarted) }, "batch sent");
  if (result.limitPerSecond) worker.providerLimit = result.limitPerSecond;
  await db.$transaction(async (tx) => {
    if (result.kind === "sent") {
      await storeProviderIds(tx, claim, emails, result.providerIds);
      await tx.delivery.updateMany({
        where: { claim },
        data: { state: "sent", sentAt: now(), attempts: { increment: 1 }, claim: null, leaseUntil: null, lastError: null, lastStatus: 200 },
      });
    } else if (result.kind === "rate-limited") {
      worker.notBefore = Math.max(worker.notBefore, Date.now() + result.waitMs);
      await tx.delivery.updateMany({
        where: { claim },
        data: {
          state: "queued",
          nextAttemptAt: new Date(Date.now() + result.waitMs),
          claim: null,
          leaseUntil: null,
          lastError: result.error,
          lastStatus: 429,
        },
      });
    } else {
      const attempts = rows[0].attempts + 1;
      const step = result.kind === "refused" ? ({ state: "dead" } as const) : nextStep(attempts, Date.now());
      await tx.delivery.updateMany({
        where: { claim },
        data: { ...step, attempts, claim: null, leaseUntil: null, lastError: result.error.slice(0, 1000), lastStatus: result.status },
      });
      logger.warn({ batchKey, attempts, state: step.state, error: result.error }, "email batch not sent");
    }
  });
}

/** Claims the next due webhook (one delivery is one request). */
async function claimWebhook(now: Date): Promise<string | null> {
  return claimOneDelivery("webhook", now);
}

async function sendOneWebhook(claim: string): Promise<void> {
  const { row, facts } = await db.$transaction(async (tx) => {
    const row = await tx.delivery.findFirstOrThrow({
      where: { claim },
      include: { endpoint: { select: { url: true, secret: true, disabledAt: true } } },
    });
    return { row, facts: await webhookFacts(tx, row) };
  });
  const result = await sendWebhook(await prepareWebhook(row, facts));
  const attempts = row.attempts + 1;
  const data = result.ok
    ? { state: "sent" as const, sentAt: new Date(), lastStatus: result.status, lastError: null }
    : {
        ...(result.final ? ({ state: "dead" } as const) : nextStep(attempts, Date.now())),
        lastStatus: result.status,
        lastError: result.error.slice(0, 1000),
      };
  await db.$transaction((tx) => tx.delivery.updateMany({ where: { claim }, data: { ...data, attempts, claim: null, leaseUntil: null } }));
}

/**
 * Sends everything due now, or until `keepGoing` says stop (a shutdown: the batch in hand is
 * finished, no other is claimed); returns how many batches and webhooks it handled.
 */
export async function drainOnce(keepGoing: () => boolean = () => true): Promise<number> {
  let handled = 0;
  while (keepGoing()) {
    // Wait out a provider's pause before claiming, so the lease is not spent waiting.
    const pause = worker.notBefore - Date.now();
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    const claimStarted = performance.now();
    const batch = await claimBatch(new Date());
    if (batch) logger.debug({ ms: Math.round(performance.now() - claimStarted) }, "batch claimed");
    if (batch) await sendBatch(batch);
    const webhook = await claimWebhook(new Date());
    if (webhook) await sendOneWebhook(webhook);
    const slack = await claimSlackDelivery(new Date());
    if (slack) await sendSlackDelivery(slack);
    if (!batch && !webhook && !slack) return handled;
    handled += 1;
  }
  return handled;
}

export { wakeWorker };

/** How often the worker looks for promised updates about to be missed (notifications/promises.server.ts). */
const PROMISE_CHECK_MS = 5_000;

export function startWorker(): void {
  if (worker.running) return;
  worker.running = true;
  let promisesCheckedAt = 0;
  worker.done = (async () => {
    while (worker.running) {
      try {
        if (Date.now() - promisesCheckedAt >= PROMISE_CHECK_MS) {
          promisesCheckedAt = Date.now();
          // a failed look is tried again next time; it must not hold up the deliveries
          await remindDuePromises(new Date()).catch((error) => logger.warn({ err: error }, "promise reminders failed"));
        }
        const handled = await drainOnce(() => worker.running);
        if (handled === 0 && worker.running) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, IDLE_POLL_MS);
            workerAlarm.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          workerAlarm.wake = null;
        }
      } catch (error) {
        logger.error({ err: error }, "delivery worker failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
      }
    }
  })();
}

/** Stops after the batch in hand (its outcome is recorded: nothing half-sent is forgotten). */
export async function stopWorker(): Promise<void> {
  worker.running = false;
  workerAlarm.wake?.();
  await worker.done;
  worker.done = null;
}
