// The worker's part of the Slack deliveries that answer people in Slack (inbound-outbox.server.ts).
import { sendApproval } from "./approval-sender.server.ts";
import { sendCapture } from "./capture.server.ts";
import { SLACK_APPROVAL, SLACK_CAPTURE, SLACK_EPHEMERAL } from "./inbound-outbox.server.ts";
import { failed, type Step } from "./steps.server.ts";
import { callSlack } from "./web-api.server.ts";

async function sendEphemeral(payload: { channel?: unknown; user?: unknown; text?: unknown }): Promise<Step> {
  const answer = await callSlack("chat.postEphemeral", {
    channel: String(payload.channel ?? ""),
    user: String(payload.user ?? ""),
    text: String(payload.text ?? ""),
  });
  // Slack refusing (the person left the channel…) ends it: an ephemeral word is not worth a dead letter's retries.
  return answer.ok || answer.kind === "error" ? { kind: "done" } : failed(answer);
}

export async function sendInboundDelivery(kind: string, payload: unknown): Promise<Step> {
  const fields = (payload ?? {}) as Record<string, unknown>;
  if (kind === SLACK_CAPTURE) return sendCapture(String(fields.captureId ?? ""));
  if (kind === SLACK_APPROVAL) return sendApproval(String(fields.updateId ?? ""));
  if (kind === SLACK_EPHEMERAL) return sendEphemeral(fields);
  return { kind: "refused", status: 0, error: `unknown kind ${kind}` };
}
