// What the email provider tells us after it accepted a notice (Resend's event webhook,
// POST /api/v1/email-events): a bounce marks that notice `bounced` with the mail server's
// reason, and a hard bounce stops all mail to the address; a complaint (the reader marked it
// as spam) unsubscribes the reader. Each event is applied once, by its svix-id, in one
// transaction with its audit rows. See docs/decisions/0011-delivery.md.
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import type { EmailEvent } from "./email-events.ts";

export type EmailEventOutcome =
  /** the notice is now bounced (and its subscriber, for a hard bounce) */
  | "bounced"
  /** the subscriber is unsubscribed */
  | "complained"
  /** an event type that changes nothing here */
  | "ignored"
  /** this svix-id was applied before: nothing changed */
  | "duplicate"
  /** no notice of ours has this provider id (another sender on the account, or a batch whose ids the provider did not return) */
  | "unknown_email";

type Found = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

function findDelivery(tx: Tx, providerId: string) {
  return tx.delivery.findFirst({
    where: { providerId, channel: "email" },
    select: {
      id: true,
      state: true,
      updateId: true,
      subscriber: { select: { id: true, email: true, bouncedAt: true, unsubscribedAt: true } },
    },
  });
}

async function applyBounce(tx: Tx, delivery: Found, event: Extract<EmailEvent, { kind: "bounced" }>): Promise<void> {
  if (delivery.state !== "bounced") {
    // Released from any claim: a worker still re-sending its batch must not mark it sent again.
    await tx.delivery.update({
      where: { id: delivery.id },
      data: { state: "bounced", lastError: event.reason, claim: null, leaseUntil: null },
    });
    await recordAudit(tx, null, {
      action: "delivery.bounced",
      entityType: "Delivery",
      entityId: delivery.id,
      before: { state: delivery.state },
      after: { state: "bounced", reason: event.reason, providerId: event.providerId, updateId: delivery.updateId },
    });
  }
  const subscriber = delivery.subscriber;
  if (event.hard && subscriber && !subscriber.bouncedAt) {
    await tx.subscriber.update({ where: { id: subscriber.id }, data: { bouncedAt: event.at } });
    await recordAudit(tx, null, {
      action: "subscriber.bounced",
      entityType: "Subscriber",
      entityId: subscriber.id,
      after: { email: subscriber.email, bouncedAt: event.at, reason: event.reason, providerId: event.providerId },
    });
  }
}

async function applyComplaint(tx: Tx, delivery: Found, event: Extract<EmailEvent, { kind: "complained" }>): Promise<void> {
  const subscriber = delivery.subscriber;
  if (!subscriber || subscriber.unsubscribedAt) return;
  await tx.subscriber.update({ where: { id: subscriber.id }, data: { unsubscribedAt: event.at } });
  await recordAudit(tx, null, {
    action: "subscriber.complained",
    entityType: "Subscriber",
    entityId: subscriber.id,
    after: { email: subscriber.email, unsubscribedAt: event.at, providerId: event.providerId, updateId: delivery.updateId },
  });
}

/** Applies one verified event; `eventId` is its svix-id. */
export async function applyEmailEvent(eventId: string, event: EmailEvent): Promise<EmailEventOutcome> {
  if (event.kind === "ignored") return "ignored";
  let outcome: EmailEventOutcome;
  try {
    outcome = await db.$transaction(async (tx) => {
      if (await tx.emailEvent.findUnique({ where: { id: eventId }, select: { id: true } })) return "duplicate";
      const delivery = await findDelivery(tx, event.providerId);
      if (!delivery) return "unknown_email";
      // Written first: a second delivery of the same event at the same moment fails here.
      await tx.emailEvent.create({ data: { id: eventId, type: `email.${event.kind}`, providerId: event.providerId } });
      if (event.kind === "bounced") await applyBounce(tx, delivery, event);
      else await applyComplaint(tx, delivery, event);
      return event.kind;
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    outcome = "duplicate";
  }
  logger.info({ eventId, kind: event.kind, providerId: event.providerId, outcome }, "email event");
  return outcome;
}
