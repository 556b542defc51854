// Writing action items: add one to a post-mortem, change any of its fields or its state.
// Each write is one transaction with its audit row; an unknown owner is refused by field.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { announceNotifications, storeNotifications } from "~/modules/notifications/notifications.server.ts";
import { notificationWords, othersThan } from "~/modules/notifications/rules.ts";
import type { ActionItemStateName } from "~/modules/postmortems/sections.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { actionItemView, loadActionItemRow } from "./queries.server.ts";
import type { ActionItemView } from "./view.ts";
import { closedAtAfter } from "./rules.ts";
import type { ActionItemPatch, NewActionItem } from "./schemas.ts";

/** The owner's id from ownerId or ownerEmail: undefined when neither was given, null to clear. */
async function resolveOwner(tx: Tx, input: { ownerId?: string | null; ownerEmail?: string }): Promise<string | null | undefined> {
  if (input.ownerEmail !== undefined) {
    const user = await tx.user.findUnique({ where: { email: input.ownerEmail }, select: { id: true, disabledAt: true } });
    if (!user) fail("invalid", "Some fields are not valid.", { ownerEmail: "no one here has this email address" });
    if (user.disabledAt) fail("invalid", "Some fields are not valid.", { ownerEmail: "this person's account is disabled" });
    return user.id;
  }
  if (input.ownerId === undefined || input.ownerId === null) return input.ownerId;
  const user = await tx.user.findUnique({ where: { id: input.ownerId }, select: { id: true, disabledAt: true } });
  if (!user) fail("invalid", "Some fields are not valid.", { ownerId: "no such person" });
  if (user.disabledAt) fail("invalid", "Some fields are not valid.", { ownerId: "this person's account is disabled" });
  return user.id;
}

const audited = (row: {
  title: string;
  kind: string;
  priority: string;
  state: string;
  ownerId: string | null;
  dueAt: Date | null;
  trackerUrl: string | null;
  closedAt: Date | null;
}) => ({
  title: row.title,
  kind: row.kind,
  priority: row.priority,
  state: row.state,
  ownerId: row.ownerId,
  dueAt: row.dueAt,
  trackerUrl: row.trackerUrl,
  closedAt: row.closedAt,
});

/** A new owner (not the one who made them owner) is told, in the transaction of the change. */
async function tellNewOwner(
  tx: Tx,
  actor: Actor,
  item: { title: string; postmortemId: string; ownerId: string | null },
  previousOwnerId: string | null,
): Promise<string[]> {
  if (!item.ownerId || item.ownerId === previousOwnerId) return [];
  const postmortem = await tx.postmortem.findUnique({ where: { id: item.postmortemId }, select: { incidentId: true } });
  const words = notificationWords.actionItemAssigned(item, actor.name);
  const told = othersThan(actor.userId, [item.ownerId]).map((recipientId) => ({
    recipientId,
    kind: "action_item_assigned" as const,
    incidentId: postmortem?.incidentId ?? null,
    ...words,
  }));
  return storeNotifications(tx, told);
}

export async function createActionItem(actor: Actor, postmortemId: string, input: NewActionItem): Promise<ActionItemView> {
  const { view, notified } = await db.$transaction(async (tx) => {
    const postmortem = await tx.postmortem.findUnique({ where: { id: postmortemId }, select: { id: true } });
    if (!postmortem) notFound("Post-mortem");
    const ownerId = (await resolveOwner(tx, input)) ?? null;
    const id = newId();
    await tx.actionItem.create({
      data: {
        id,
        postmortemId,
        title: input.title,
        kind: input.kind,
        priority: input.priority,
        ownerId,
        dueAt: input.dueAt ?? null,
        trackerUrl: input.trackerUrl ?? null,
      },
    });
    const row = (await loadActionItemRow(tx, id))!;
    await recordAudit(tx, actor, {
      action: "action_item.created",
      entityType: "ActionItem",
      entityId: id,
      after: { postmortemId, ...audited(row) },
    });
    return { view: actionItemView(row), notified: await tellNewOwner(tx, actor, row, null) };
  });
  await announceNotifications(notified);
  return view;
}

/** Changes an item; with `postmortemId`, only an item of that post-mortem (a form of its page). */
export async function updateActionItem(
  actor: Actor,
  id: string,
  patch: ActionItemPatch,
  { postmortemId }: { postmortemId?: string } = {},
): Promise<ActionItemView> {
  const { view, notified } = await db.$transaction(async (tx) => {
    const before = await loadActionItemRow(tx, id);
    if (!before || (postmortemId !== undefined && before.postmortemId !== postmortemId)) notFound("Action item");
    const ownerId = await resolveOwner(tx, patch);
    const now = new Date();
    const closedAt = patch.state
      ? closedAtAfter({ state: before.state as ActionItemStateName, closedAt: before.closedAt }, patch.state, now)
      : undefined;
    await tx.actionItem.update({
      where: { id },
      data: {
        title: patch.title,
        kind: patch.kind,
        priority: patch.priority,
        state: patch.state,
        ownerId,
        dueAt: patch.dueAt,
        trackerUrl: patch.trackerUrl,
        closedAt,
      },
    });
    const after = (await loadActionItemRow(tx, id))!;
    const action =
      patch.state && patch.state !== before.state
        ? `action_item.${patch.state === "open" && before.closedAt ? "reopened" : patch.state}`
        : "action_item.edited";
    await recordAudit(tx, actor, { action, entityType: "ActionItem", entityId: id, before: audited(before), after: audited(after) });
    return { view: actionItemView(after, now), notified: await tellNewOwner(tx, actor, after, before.ownerId) };
  });
  await announceNotifications(notified);
  return view;
}
