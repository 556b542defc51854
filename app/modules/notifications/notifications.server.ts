// Notifications in the app: written in the caller's transaction (so a change and the news of it
// stand or fall together), announced on the bus after the commit (so each recipient's open bell
// counts up), read and marked read by their recipient only.
import type { Actor } from "~/modules/auth/actor.ts";
import type { Permission, RoleName } from "~/modules/auth/roles.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { bus } from "~/modules/realtime/bus.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { approvers, type MarkRead, type NotificationDraft } from "./rules.ts";

/** The bus channel of one person's notifications; the message is nothing (the count is read again). */
export function notificationChannel(userId: string): string {
  return `notifications:${userId}`;
}

/** Stores the notifications inside `tx`; answers whom to announce them to after the commit. */
export async function storeNotifications(tx: Tx, drafts: readonly NotificationDraft[]): Promise<string[]> {
  const now = new Date();
  for (const draft of drafts) {
    await tx.notification.create({ data: { id: newId(), ...draft, createdAt: now } });
  }
  return [...new Set(drafts.map((d) => d.recipientId))];
}

/** After the commit: each recipient's open streams read their count again. */
export async function announceNotifications(recipientIds: readonly string[]): Promise<void> {
  for (const id of recipientIds) {
    await bus.publish(notificationChannel(id), "").catch(() => {
      // the bell catches up at the next page load; the notification stands
    });
  }
}

/** Everyone who may act on a request for approval of text written by `writers`, asked by `askedBy`. */
export async function approversOf(tx: Tx, permission: Permission, writers: readonly string[], askedBy: string): Promise<string[]> {
  const people = await tx.user.findMany({ select: { id: true, role: true, disabledAt: true }, orderBy: { id: "asc" } });
  return approvers(
    people.map((p) => ({ id: p.id, role: p.role as RoleName, disabled: p.disabledAt !== null })),
    permission,
    writers,
    askedBy,
  );
}

export type NotificationView = {
  id: string;
  kind: string;
  text: string;
  link: string;
  incidentId: string | null;
  createdAt: string;
  readAt: string | null;
};

const view = (row: {
  id: string;
  kind: string;
  text: string;
  link: string;
  incidentId: string | null;
  createdAt: Date;
  readAt: Date | null;
}): NotificationView => ({
  id: row.id,
  kind: row.kind,
  text: row.text,
  link: row.link,
  incidentId: row.incidentId,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** Read inside a transaction: on SQLite a bare read could see another request's uncommitted rows. */
export function unreadCount(userId: string): Promise<number> {
  return db.$transaction((tx) => tx.notification.count({ where: { recipientId: userId, readAt: null } }));
}

/** One's own notifications, newest first, with the unread count. */
export async function listNotifications(
  userId: string,
  options: { unreadOnly?: boolean; limit: number },
): Promise<{ notifications: NotificationView[]; unread: number }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.notification.findMany({
      where: { recipientId: userId, ...(options.unreadOnly ? { readAt: null } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: options.limit,
    });
    const unread = await tx.notification.count({ where: { recipientId: userId, readAt: null } });
    return { notifications: rows.map(view), unread };
  });
}

/**
 * Marks the caller's own notifications read: named ids that are someone else's are left alone
 * (and not told apart from unknown ones). Answers how many changed and the unread count now.
 */
export async function markNotificationsRead(actor: Actor, which: MarkRead): Promise<{ marked: number; unread: number }> {
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const where = { recipientId: actor.userId, readAt: null, ...(which.ids ? { id: { in: which.ids } } : {}) };
    const { count } = await tx.notification.updateMany({ where, data: { readAt: now } });
    if (count > 0) {
      await recordAudit(tx, actor, {
        action: "notifications.read",
        entityType: "User",
        entityId: actor.userId,
        after: which.ids ? { ids: which.ids, marked: count } : { all: true, marked: count },
      });
    }
    const unread = await tx.notification.count({ where: { recipientId: actor.userId, readAt: null } });
    return { marked: count, unread };
  });
  if (result.marked > 0) await announceNotifications([actor.userId]);
  return result;
}

/** Opening one of your notifications marks it read and answers where it leads; someone else's is not found. */
export async function openNotification(actor: Actor, id: string): Promise<string | null> {
  const row = await db.$transaction((tx) =>
    tx.notification.findFirst({ where: { id, recipientId: actor.userId }, select: { link: true, readAt: true } }),
  );
  if (!row) return null;
  if (!row.readAt) await markNotificationsRead(actor, { ids: [id] });
  return row.link;
}
