// Who is told what in the app, pure: the recipients of each kind of notification and its
// words. notifications.server.ts writes them in the transaction of the change that causes them
// (docs/decisions/0041-notifications.md).
import { z } from "zod";
import { can, type Permission, type RoleName } from "~/modules/auth/roles.ts";

export const NOTIFICATION_KINDS = [
  "approval_requested",
  "approval_given",
  "approval_refused",
  "review_requested",
  "action_item_assigned",
  "promise_due",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One notification before it is stored: to whom, what, and where its link goes. */
export type NotificationDraft = { recipientId: string; kind: NotificationKind; text: string; link: string; incidentId: string | null };

export type Person = { id: string; role: RoleName; disabled: boolean };

/**
 * Those who may act on a request for approval: every active person whose role has the
 * permission, except whoever wrote any of the text (they may not approve it, decision 29)
 * and whoever asked.
 */
export function approvers(people: readonly Person[], permission: Permission, writers: readonly string[], askedBy: string): string[] {
  return people.filter((p) => !p.disabled && can(p.role, permission) && !writers.includes(p.id) && p.id !== askedBy).map((p) => p.id);
}

/** The people told of an answer or an assignment: never the one who acted (they know), nobody twice. */
export function othersThan(actorId: string, ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id && id !== actorId))];
}

/** How long before a promised update its leads are reminded. */
export const PROMISE_REMINDER_MINUTES = 5;

/**
 * Whether an incident's promised next update is about to be missed (or already is) and its
 * leads have not been reminded of this promise yet.
 */
export function promiseNeedsReminder(incident: { nextUpdateDueAt: Date | null; nextUpdateRemindedFor: Date | null }, now: Date): boolean {
  const due = incident.nextUpdateDueAt;
  if (!due) return false;
  if (incident.nextUpdateRemindedFor && incident.nextUpdateRemindedFor.getTime() === due.getTime()) return false;
  return due.getTime() - now.getTime() <= PROMISE_REMINDER_MINUTES * 60_000;
}

/** "in 4 minutes", "now", "2 minutes ago": how the reminder says when the update is due. */
export function dueInWords(due: Date, now: Date): string {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60_000);
  if (minutes === 0) return "now";
  const n = Math.abs(minutes);
  const unit = n === 1 ? "minute" : "minutes";
  return minutes > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/** POST /api/v1/notifications/read: some of your notifications by id, or all of them. */
export const MarkReadSchema = z
  .object({
    ids: z
      .array(z.string({ message: "must be notification ids" }).min(1, "must be notification ids").max(64, "must be notification ids"), {
        message: "must be a list of notification ids",
      })
      .min(1, "name at least one")
      .max(200, "at most 200 at once")
      .optional(),
    all: z.literal(true, { message: "must be true" }).optional(),
  })
  .strict()
  .refine((value) => (value.ids ? 1 : 0) + (value.all ? 1 : 0) === 1, { path: ["ids"], message: "send ids, or all: true (one of them)" });
export type MarkRead = z.output<typeof MarkReadSchema>;

export const NotificationListSchema = z.object({
  unread: z.enum(["1", "0"], { message: "must be 1 or 0" }).optional(),
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(30),
});

const excerpt = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** What one notification says and links to, by kind; `ref` is the incident's "INC-42". */
export const notificationWords = {
  approvalRequested(update: { id: string; incidentId: string; body: string; status: string }, ref: string, askedBy: string) {
    const what = update.status === "postmortem" ? "a root-cause report" : "an update";
    return {
      text: `${askedBy} asks for approval of ${what} on ${ref}: “${excerpt(update.body)}”`,
      link: `/incidents/${update.incidentId}/comms#update-${update.id}`,
    };
  },
  approvalGiven(update: { id: string; incidentId: string; status: string }, ref: string, approvedBy: string, published: boolean) {
    const what = update.status === "postmortem" ? "root-cause report" : "update";
    const how = published ? "approved and published" : "approved";
    return { text: `${approvedBy} ${how} your ${what} on ${ref}.`, link: `/incidents/${update.incidentId}/comms#update-${update.id}` };
  },
  approvalRefused(update: { id: string; incidentId: string; status: string }, ref: string, refusedBy: string, reason: string) {
    const what = update.status === "postmortem" ? "root-cause report" : "update";
    return {
      text: `${refusedBy} refused your ${what} on ${ref}: “${excerpt(reason)}”`,
      link: `/incidents/${update.incidentId}/comms#update-${update.id}`,
    };
  },
  postmortemAnswered(postmortem: { id: string; title: string }, by: string, approved: boolean, note?: string) {
    const text = approved
      ? `${by} approved the post-mortem “${excerpt(postmortem.title)}”.`
      : `${by} returned the post-mortem “${excerpt(postmortem.title)}”${note ? `: “${excerpt(note)}”` : "."}`;
    return { text, link: `/postmortems/${postmortem.id}` };
  },
  reviewRequested(postmortem: { id: string; title: string }, by: string) {
    return { text: `${by} asks for a review of the post-mortem “${excerpt(postmortem.title)}”.`, link: `/postmortems/${postmortem.id}` };
  },
  actionItemAssigned(item: { title: string; postmortemId: string }, by: string) {
    return {
      text: `${by} made you the owner of the action item “${excerpt(item.title)}”.`,
      link: `/postmortems/${item.postmortemId}/action-items`,
    };
  },
  promiseDue(incident: { id: string; title: string }, ref: string, due: Date, now: Date) {
    const when = dueInWords(due, now);
    const verb = due.getTime() <= now.getTime() ? "was due" : "is due";
    return {
      text: `The next update promised on ${ref} (${excerpt(incident.title, 60)}) ${verb} ${when}.`,
      link: `/incidents/${incident.id}/comms`,
    };
  },
};
