// Subscribers: double opt-in (nothing is sent before confirmation), per-component choice,
// one-click unsubscribe. Consent is kept with its times: asked, confirmed, unsubscribed; and
// when the address hard-bounced (delivery/email-events.server.ts), after which nothing is sent.
import { randomBytes } from "node:crypto";
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { enqueueConfirmation } from "~/modules/delivery/enqueue.server.ts";
import { wakeWorker } from "~/modules/delivery/wake.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import type { ApiSubscriberInput } from "./schemas.ts";
import type { SubscriberView } from "./view.ts";

const CONFIRMATION_EVERY_MS = 15 * 60_000;

const INCLUDE = { components: { include: { component: { select: { id: true, name: true } } } } } as const;

function view(row: NonNullable<Awaited<ReturnType<typeof findByEmail>>>): SubscriberView {
  return {
    id: row.id,
    email: row.email,
    source: row.source,
    askedAt: row.askedAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    unsubscribedAt: row.unsubscribedAt?.toISOString() ?? null,
    bouncedAt: row.bouncedAt?.toISOString() ?? null,
    components: row.components.map((c) => c.component),
  };
}

function findByEmail(tx: Tx, email: string) {
  return tx.subscriber.findUnique({ where: { email }, include: INCLUDE });
}

/**
 * The components chosen, each known; a group stands for its members (updates name components,
 * never a group, so a subscription to the group itself would never match one).
 */
export async function checkComponentIds(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await tx.component.findMany({
    where: { id: { in: unique }, archivedAt: null },
    select: { id: true, isGroup: true, members: { where: { archivedAt: null }, select: { id: true } } },
  });
  ids.forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) fail("invalid", "Some fields are not valid.", { [`components.${i}`]: "no such component" });
    // An empty choice means every component: an empty group must not turn into that.
    if (row.isGroup && row.members.length === 0) {
      fail("invalid", "Some fields are not valid.", { [`components.${i}`]: "this group has no components" });
    }
  });
  return [...new Set(rows.flatMap((r) => (r.isGroup ? r.members.map((m) => m.id) : [r.id])))];
}

/**
 * Subscribes an address (or merges components into an existing subscription). Unless it is
 * already confirmed, a confirmation email goes out; an unsubscribed address starts over.
 * Returns whether the subscriber was created.
 */
type Source = "page" | "api" | "import";
/** `request`: the subscribe-form request this carries out, removed from the outbox in the same transaction. */
type SubscribeOptions = { request?: string };

export async function subscribe(actor: Actor | null, input: ApiSubscriberInput, source: Source, options: SubscribeOptions = {}) {
  try {
    return await subscribeOnce(actor, input, source, options);
  } catch (error) {
    // Two requests for one new address at once: the second finds the first's row on a retry.
    if ((error as { code?: string }).code === "P2002") return subscribeOnce(actor, input, source, options);
    throw error;
  }
}

type Subscribed = { subscriber: SubscriberView; created: boolean };

async function subscribeOnce(
  actor: Actor | null,
  input: ApiSubscriberInput,
  source: Source,
  options: SubscribeOptions,
): Promise<Subscribed> {
  const result = await db.$transaction(async (tx) => {
    if (options.request) await tx.delivery.deleteMany({ where: { id: options.request } });
    const components = await checkComponentIds(tx, input.components);
    const existing = await findByEmail(tx, input.email);
    // The public form cannot change a confirmed subscriber's choice: anyone can type their address.
    if (source === "page" && existing?.confirmedAt && !existing.unsubscribedAt && !existing.bouncedAt) {
      return { subscriber: view(existing), created: false, needsConfirmation: false };
    }
    const now = new Date();
    // A hard-bounced address starts over too when someone asks to confirm it again (at most every
    // 15 minutes: the confirmation may bounce as well), since confirming proves the mailbox takes
    // mail. An import (already confirmed) proves nothing and keeps the bounce.
    const restart =
      existing !== null &&
      (existing.unsubscribedAt !== null ||
        (existing.bouncedAt !== null && !input.confirmedAt && now.getTime() - existing.askedAt.getTime() > CONFIRMATION_EVERY_MS));
    let id: string;
    let created = false;
    if (!existing) {
      id = newId();
      created = true;
      await tx.subscriber.create({
        data: {
          id,
          email: input.email,
          token: randomBytes(24).toString("base64url"),
          source,
          askedAt: now,
          confirmedAt: input.confirmedAt ?? null,
          components: { create: components.map((componentId) => ({ componentId })) },
        },
      });
    } else {
      id = existing.id;
      const before = existing.components.map((c) => c.component.id);
      // An empty list means every component, so it absorbs any other choice.
      const chosen = restart ? components : before.length === 0 || components.length === 0 ? [] : [...new Set([...before, ...components])];
      await tx.subscriber.update({
        where: { id },
        data: {
          ...(restart ? { unsubscribedAt: null, bouncedAt: null, confirmedAt: input.confirmedAt ?? null, askedAt: now, source } : {}),
          ...(!restart && input.confirmedAt && !existing.confirmedAt ? { confirmedAt: input.confirmedAt } : {}),
          components: { deleteMany: {}, create: chosen.map((componentId) => ({ componentId })) },
        },
      });
    }
    const row = (await tx.subscriber.findUniqueOrThrow({ where: { id }, include: INCLUDE }))!;
    // A repeated request sends the confirmation again, but not more than every 15 minutes:
    // the form must not become a way to flood someone's inbox.
    const asked = !existing || restart || now.getTime() - existing.askedAt.getTime() > CONFIRMATION_EVERY_MS;
    const needsConfirmation = !row.confirmedAt && asked;
    if (needsConfirmation && existing && !restart) await tx.subscriber.update({ where: { id }, data: { askedAt: now } });
    if (needsConfirmation) await enqueueConfirmation(tx, { id, email: row.email });
    await recordAudit(tx, actor, {
      action: created ? "subscriber.created" : "subscriber.updated",
      entityType: "Subscriber",
      entityId: id,
      after: { email: row.email, source, confirmedAt: row.confirmedAt, components },
    });
    return { subscriber: view(row), created, needsConfirmation };
  });
  if (result.needsConfirmation) wakeWorker();
  return { subscriber: result.subscriber, created: result.created };
}

export async function confirmSubscription(token: string): Promise<SubscriberView | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { token }, include: INCLUDE });
    if (!row || row.unsubscribedAt) return null;
    if (row.confirmedAt) return view(row);
    const updated = await tx.subscriber.update({ where: { id: row.id }, data: { confirmedAt: new Date() }, include: INCLUDE });
    await recordAudit(tx, null, {
      action: "subscriber.confirmed",
      entityType: "Subscriber",
      entityId: row.id,
      after: { email: row.email },
    });
    return view(updated);
  });
}

export async function unsubscribe(token: string): Promise<SubscriberView | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { token }, include: INCLUDE });
    if (!row) return null;
    if (row.unsubscribedAt) return view(row);
    const updated = await tx.subscriber.update({ where: { id: row.id }, data: { unsubscribedAt: new Date() }, include: INCLUDE });
    await recordAudit(tx, null, {
      action: "subscriber.unsubscribed",
      entityType: "Subscriber",
      entityId: row.id,
      after: { email: row.email },
    });
    return view(updated);
  });
}

export async function subscriptionByToken(token: string): Promise<SubscriberView | null> {
  const row = await db.$transaction((tx) => tx.subscriber.findUnique({ where: { token }, include: INCLUDE }));
  return row ? view(row) : null;
}

export async function setPreferences(token: string, components: string[]): Promise<SubscriberView> {
  return db.$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { token } });
    if (!row) notFound("Subscription");
    const ids = await checkComponentIds(tx, components);
    const updated = await tx.subscriber.update({
      where: { id: row.id },
      data: { components: { deleteMany: {}, create: ids.map((componentId) => ({ componentId })) } },
      include: INCLUDE,
    });
    await recordAudit(tx, null, {
      action: "subscriber.preferences",
      entityType: "Subscriber",
      entityId: row.id,
      after: { components: ids },
    });
    return view(updated);
  });
}

export async function listSubscribers(options: {
  cursor?: string;
  limit?: number;
  search?: string;
}): Promise<{ subscribers: SubscriberView[]; nextCursor: string | null }> {
  const limit = options.limit ?? 100;
  const rows = await db.$transaction((tx) =>
    tx.subscriber.findMany({
      where: {
        ...(options.cursor ? { id: { gt: options.cursor } } : {}),
        ...(options.search ? { email: { contains: options.search.toLowerCase() } } : {}),
      },
      orderBy: { id: "asc" },
      take: limit + 1,
      include: INCLUDE,
    }),
  );
  const page = rows.slice(0, limit).map(view);
  return { subscribers: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

export async function removeSubscriber(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id } });
    if (!row) notFound("Subscriber");
    await tx.subscriber.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "subscriber.removed", entityType: "Subscriber", entityId: id, before: { email: row.email } });
  });
}
