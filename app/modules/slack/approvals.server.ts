// Approving from Slack (issue 16, item 5). An update awaiting approval is posted to its
// incident's channel with Approve and Reject (queued in the transaction that asks for the
// approval; approval-sender.server.ts posts it); a click acts as that person through the same
// functions as the comms tab (approveUpdate, publishing too when they may publish; refuseUpdate),
// so the two-person rule and roles hold as in the app, and the message is then edited to say who
// decided. Whatever is refused is told to that person alone, and nothing changes.
import { can } from "~/modules/auth/roles.ts";
import { approveUpdate, refuseUpdate } from "~/modules/updates/drafts.server.ts";
import { mayPublishIncidentUpdates } from "~/modules/updates/publish.server.ts";
import { db } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { APPROVE_ACTION } from "./approval-messages.ts";
import { queueEphemeral } from "./inbound-outbox.server.ts";
import { slackPerson } from "./people.server.ts";
import { refusalOf } from "./refusal.server.ts";

export type ApprovalClick = { action: "approve_update" | "reject_update"; updateId: string; slackUserId: string; channelId: string };

/** A click on Approve or Reject, carried out at once (a few database writes, inside Slack's 3 s). */
export async function decideFromSlack(click: ApprovalClick): Promise<void> {
  const tell = (text: string) => db.$transaction((tx) => queueEphemeral(tx, { channel: click.channelId, user: click.slackUserId }, text));
  const found = await db.statusUpdate.findUnique({ where: { id: click.updateId }, select: { incidentId: true } });
  if (!found?.incidentId) return void (await tell("That update no longer exists."));
  const who = await slackPerson(click.slackUserId);
  if (!who.ok) return void (await tell(who.refusal));
  const actor = { ...who.actor, slackUserId: click.slackUserId };
  if (!can(actor.role, "update:approve")) {
    return void (await tell(`Your role (${actor.role}) may not approve or reject updates: it needs update:approve. Nothing was changed.`));
  }
  try {
    if (click.action === APPROVE_ACTION) {
      const publish = await mayPublishIncidentUpdates(actor, found.incidentId);
      await approveUpdate(actor, click.updateId, {}, { publish });
    } else {
      await refuseUpdate(actor, click.updateId, `Rejected in Slack by ${actor.name}.`);
    }
  } catch (error) {
    const refusal = await refusalOf(error);
    if (refusal) return void (await tell(`Nothing was changed: ${refusal}`));
    logger.error({ err: error, action: click.action }, "slack approval failed");
    await tell("Something went wrong on our side; nothing was changed. Try again, or use the comms tab.");
  }
}
