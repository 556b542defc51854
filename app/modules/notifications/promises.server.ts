// Promised updates about to be missed: the delivery worker looks every few seconds for incidents
// whose promised next update is due within PROMISE_REMINDER_MINUTES (or overdue) and tells their
// comms lead and commander once per promise. The claim is a conditional write, so several
// workers never remind twice.
import { incidentRef } from "~/utils/incident-links.ts";
import { db } from "~/utils/db.server.ts";
import { announceNotifications, storeNotifications } from "./notifications.server.ts";
import { notificationWords, PROMISE_REMINDER_MINUTES, promiseNeedsReminder, type NotificationDraft } from "./rules.ts";
import { queueRoomPost } from "~/modules/slack/room-posts.server.ts";
import { escapeMrkdwn } from "~/modules/slack/messages.ts";

/** Reminds the leads of every promise about to be missed; answers how many incidents it reminded of. */
export async function remindDuePromises(now: Date): Promise<number> {
  const soon = new Date(now.getTime() + PROMISE_REMINDER_MINUTES * 60_000);
  const candidates = await db.$transaction((tx) =>
    tx.incident.findMany({
      where: { nextUpdateDueAt: { not: null, lte: soon } },
      select: {
        id: true,
        number: true,
        title: true,
        nextUpdateDueAt: true,
        nextUpdateRemindedFor: true,
        commanderId: true,
        commsLeadId: true,
      },
    }),
  );
  let reminded = 0;
  for (const incident of candidates.filter((i) => promiseNeedsReminder(i, now))) {
    const due = incident.nextUpdateDueAt!;
    const notified = await db.$transaction(async (tx) => {
      const { count } = await tx.incident.updateMany({
        where: { id: incident.id, nextUpdateDueAt: due, OR: [{ nextUpdateRemindedFor: null }, { nextUpdateRemindedFor: { not: due } }] },
        data: { nextUpdateRemindedFor: due },
      });
      if (count === 0) return [];
      const words = notificationWords.promiseDue(incident, incidentRef(incident.number), due, now);
      const leads = [...new Set([incident.commsLeadId, incident.commanderId].filter((id): id is string => !!id))];
      const told: NotificationDraft[] = leads.map((recipientId) => ({
        recipientId,
        kind: "promise_due",
        incidentId: incident.id,
        ...words,
      }));
      // and in the incident's Slack channel, once per promise (decision 0048)
      await queueRoomPost(tx, incident.id, `promise:${due.toISOString()}`, `:alarm_clock: ${escapeMrkdwn(words.text)}`);
      return storeNotifications(tx, told);
    });
    if (notified.length) reminded += 1;
    await announceNotifications(notified);
  }
  return reminded;
}
