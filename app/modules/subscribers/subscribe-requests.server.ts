// The public subscribe form answers without looking at who is subscribed (decision 0033): it
// checks what anyone could check (the address's shape, the components chosen) and queues the
// request in the outbox, one row, the same work for every address. The delivery worker carries
// it out: subscribes the address, or merges nothing into a confirmed subscription, and queues the
// confirmation email when one is due. So neither the answer nor its time depends on the address.
import { DomainError } from "~/utils/errors.ts";
import { db } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { logger } from "~/utils/logger.server.ts";
import { wakeWorker } from "~/modules/delivery/wake.ts";
import type { SubscribeInput } from "./schemas.ts";
import { checkComponentIds, subscribe } from "./subscribers.server.ts";

/** The outbox row of a subscribe-form request (an email-channel delivery, never sent as such). */
export const SUBSCRIBE_REQUEST = "subscribe-request";

/** In the form's answer: validates the components (422 when unknown) and queues the request. */
export async function queueSubscribeRequest(input: SubscribeInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await checkComponentIds(tx, input.components);
    const id = newId();
    await tx.delivery.create({
      data: {
        id,
        kind: SUBSCRIBE_REQUEST,
        channel: "email",
        recipient: input.email,
        batchKey: `subscribe/${id}`,
        payload: { components: input.components },
      },
    });
  });
  wakeWorker();
}

type RequestRow = { id: string; recipient: string; payload: unknown };

/** In the worker: each claimed request subscribes its address; a request that cannot (a component since removed) is dead. */
export async function carryOutSubscribeRequests(claim: string, rows: RequestRow[]): Promise<void> {
  for (const row of rows) {
    const components = ((row.payload as { components?: unknown } | null)?.components ?? []) as string[];
    try {
      await subscribe(null, { email: row.recipient, components }, "page", { request: row.id });
    } catch (error) {
      // Anything but a refusal (the database away) is left to the lease: the request is taken again.
      if (!(error instanceof DomainError) || error.code === "unavailable") throw error;
      logger.warn({ deliveryId: row.id, status: error.status, code: error.code }, "a subscribe-form request was refused when carried out");
      const lastError = "a chosen component no longer exists";
      await db.$transaction((tx) =>
        tx.delivery.updateMany({ where: { id: row.id, claim }, data: { state: "dead", claim: null, leaseUntil: null, lastError } }),
      );
    }
  }
}
