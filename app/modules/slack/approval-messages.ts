// An update awaiting approval as Slack shows it in the incident's channel: its words and two
// buttons (action ids approve_update and reject_update, value the update's id); after a
// decision, the same message says who decided, without buttons. Pure.
import { escapeMrkdwn } from "./messages.ts";

export const APPROVE_ACTION = "approve_update";
export const REJECT_ACTION = "reject_update";

export type AwaitingUpdate = { id: string; ref: string; status: string; body: string; author: string; roomUrl: string };
export type Decision = { kind: "published" | "approved"; by: string } | { kind: "returned"; by: string; reason: string } | { kind: "gone" };

const kindOf = (status: string) => (status === "postmortem" ? "root-cause report" : `status update (${status})`);

function quote(body: string): string {
  const cut = body.length > 2500 ? `${body.slice(0, 2499)}…` : body;
  return escapeMrkdwn(cut)
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}

export function approvalRequestMessage(update: AwaitingUpdate): { text: string; blocks: object[] } {
  const text = `:hourglass_flowing_sand: ${update.ref}: a ${kindOf(update.status)} by ${escapeMrkdwn(update.author)} awaits approval.`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${text}\n${quote(update.body)}\n<${update.roomUrl}|Open it in the comms tab>` } },
      {
        type: "actions",
        block_id: `approval:${update.id}`,
        elements: [
          { type: "button", action_id: APPROVE_ACTION, value: update.id, style: "primary", text: { type: "plain_text", text: "Approve" } },
          { type: "button", action_id: REJECT_ACTION, value: update.id, style: "danger", text: { type: "plain_text", text: "Reject" } },
        ],
      },
    ],
  };
}

export function decidedMessage(update: AwaitingUpdate, decision: Decision): { text: string; blocks: object[] } {
  const said =
    decision.kind === "published"
      ? `:white_check_mark: Approved and published by ${escapeMrkdwn(decision.by)}`
      : decision.kind === "approved"
        ? `:white_check_mark: Approved by ${escapeMrkdwn(decision.by)}; publishing is left to someone who may publish`
        : decision.kind === "returned"
          ? `:leftwards_arrow_with_hook: Rejected by ${escapeMrkdwn(decision.by)}, back to its author as a draft: ${escapeMrkdwn(decision.reason)}`
          : ":wastebasket: No longer awaiting approval";
  const text = `${update.ref}: a ${kindOf(update.status)} by ${escapeMrkdwn(update.author)}. ${said}.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: `${text}\n${quote(update.body)}` } }] };
}
