// Posts to readers' Slack incoming webhooks (decision 0048): the test message that confirms a
// hook, and the notice of each published update. Slack answers an incoming webhook with plain
// text: 200 "ok"; 400 invalid_payload…; 403 action_prohibited; 404 no_service or
// channel_not_found; 410 channel_is_archived; 429 with Retry-After. A 404 or 410 saying the hook
// or its channel is gone (or its token revoked) deactivates the subscription (audited): nothing
// more is sent to it. A 5xx or no answer is retried with the outbox's backoff.
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { pageContext, updateNoticeContext } from "~/modules/notices/notice-context.server.ts";
import { escapeMrkdwn } from "~/modules/slack/messages.ts";
import { isSlackHookUrl } from "~/modules/subscribers/slack-hook-url.ts";
import { SLACK_HOOK_TEST } from "~/modules/subscribers/slack-hooks.server.ts";
import { env } from "~/utils/env.server.ts";
import { db } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { retryAfterMs } from "./retry.ts";

const TIMEOUT_MS = 10_000;
/** Slack's answers that say the hook will never take a message again. */
const GONE = new Set(["channel_is_archived", "channel_not_found", "no_service", "invalid_token", "no_team", "team_disabled"]);

export type HookStep =
  | { kind: "done" }
  | { kind: "later"; waitMs: number; error: string }
  | { kind: "retry"; status: number | null; error: string }
  | { kind: "refused"; status: number; error: string };

type Row = { id: string; kind: string; updateId: string | null; payload: unknown };

const unsubscribeUrl = (pageUrl: string, token: string) => `${pageUrl}/slack/${token}/unsubscribe`;

async function messageFor(row: Row, token: string): Promise<string> {
  return db.$transaction(async (tx) => {
    if (row.kind === SLACK_HOOK_TEST || !row.updateId) {
      const page = await pageContext(tx);
      return (
        `:white_check_mark: This channel will get *${escapeMrkdwn(page.name)}* status notices: incident and maintenance updates, as they are posted on <${page.pageUrl}|the status page>.\n` +
        `<${unsubscribeUrl(page.pageUrl, token)}|Unsubscribe>`
      );
    }
    const context = await updateNoticeContext(tx, row.updateId);
    const v = context.variables;
    const link = v.incident_url || context.pageUrl;
    return `*<${link}|${escapeMrkdwn(v.title)}>*\n*${escapeMrkdwn(v.status)}*: ${escapeMrkdwn(v.body).slice(0, 3000)}\n<${unsubscribeUrl(context.pageUrl, token)}|Unsubscribe> · ${escapeMrkdwn(v.page_name)}`;
  });
}

async function deactivate(hookId: string, status: number, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.slackHook.updateMany({
      where: { id: hookId, deactivatedAt: null },
      data: { deactivatedAt: new Date(), deactivatedReason: reason },
    });
    if (count)
      await recordAudit(tx, null, {
        action: "slack_hook.deactivated",
        entityType: "SlackHook",
        entityId: hookId,
        after: { status, reason },
      });
  });
  logger.warn({ hookId, status, reason }, "a reader's Slack hook is gone; its subscription is deactivated");
}

export async function sendToSlackHook(row: Row): Promise<HookStep> {
  const hookId = String((row.payload as { hookId?: unknown } | null)?.hookId ?? "");
  const hook = await db.slackHook.findUnique({ where: { id: hookId } });
  if (!hook || hook.unsubscribedAt || hook.deactivatedAt) return { kind: "refused", status: 0, error: "the subscription has ended" };
  if (row.kind !== SLACK_HOOK_TEST && !hook.confirmedAt)
    return { kind: "refused", status: 0, error: "the subscription was never confirmed" };
  // Checked again at each send: SLACK_HOOKS_BASE_URL may have changed since the hook was given.
  if (!isSlackHookUrl(hook.url, env().SLACK_HOOKS_BASE_URL))
    return { kind: "refused", status: 0, error: "the hook is not under SLACK_HOOKS_BASE_URL" };
  const text = await messageFor(row, hook.token);
  let response: Response;
  try {
    response = await fetch(hook.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, unfurl_links: false }),
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: "retry", status: null, error: `hook: ${(error as Error).message}` };
  }
  const answer = (await response.text().catch(() => "")).trim().slice(0, 200);
  if (response.status === 429)
    return { kind: "later", waitMs: retryAfterMs(response.headers.get("retry-after")) ?? 1_000, error: "hook: rate limited" };
  if (response.status >= 500) return { kind: "retry", status: response.status, error: `hook: HTTP ${response.status}` };
  if (response.status === 200) {
    if (row.kind === SLACK_HOOK_TEST) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.slackHook.updateMany({ where: { id: hookId, confirmedAt: null }, data: { confirmedAt: new Date() } });
        if (count) await recordAudit(tx, null, { action: "slack_hook.confirmed", entityType: "SlackHook", entityId: hookId });
      });
    }
    return { kind: "done" };
  }
  if ((response.status === 404 || response.status === 410) && GONE.has(answer)) {
    await deactivate(hookId, response.status, answer);
    return { kind: "refused", status: response.status, error: `hook: ${answer}` };
  }
  return { kind: "refused", status: response.status, error: `hook: HTTP ${response.status} ${answer}` };
}
