// Readers' Slack subscriptions (issue 16, item 6; decision 0048): an incoming-webhook URL under
// SLACK_HOOKS_BASE_URL, given on the public page. It is confirmed by a test message posted to it
// (active once the hook answered 200 "ok"); then every notice email subscribers get (incident and
// maintenance updates) is posted to it once, through the outbox. A hook Slack says is gone is
// deactivated by the sender (delivery/slack-hook-sender.server.ts). The URL is a secret (it lets
// anyone post to that channel): it is never shown back, and deliveries name the hook by its id.
import { randomBytes } from "node:crypto";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { countSubscribeRequest, type Refusal } from "~/modules/auth/limits.server.ts";
import { wakeWorker } from "~/modules/delivery/wake.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { slackHookSchemaFor } from "./slack-hook-url.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";

/** The test message that confirms a hook. */
export const SLACK_HOOK_TEST = "slack.hook.test";
/** A notice (a published incident or maintenance update) to a hook. */
export const SLACK_HOOK_NOTICE = "slack.hook.notice";

export const hookRecipient = (hookId: string) => `hook:${hookId}`;

/** The form's one field, checked against the configured prefix. */
export const slackHookSchema = (base = env().SLACK_HOOKS_BASE_URL) => slackHookSchemaFor(base);

export type SlackHookFormResult =
  { ok: true } | { ok: false; url: string; errors: Record<string, string> } | { ok: false; limited: Refusal };

/**
 * The public form, from the client at `address`. The answer is the same whether the hook was
 * known (decision 0033): a new or gone hook starts over with a test message; an active one is
 * left as it is.
 */
export async function requestSlackSubscription(form: FormData, address: string): Promise<SlackHookFormResult> {
  const raw = form.get("url");
  const values = { url: typeof raw === "string" ? raw : "" };
  const limited = await countSubscribeRequest(null, address);
  if (limited) return { ok: false, limited };
  const parsed = slackHookSchema().safeParse(values);
  if (!parsed.success) return { ok: false, ...values, errors: fieldErrors(parsed.error) };
  await subscribeSlackHook(parsed.data.url);
  return { ok: true };
}

export async function subscribeSlackHook(url: string): Promise<void> {
  const queued = await db.$transaction(async (tx) => {
    const existing = await tx.slackHook.findUnique({ where: { url } });
    if (
      existing &&
      !existing.unsubscribedAt &&
      !existing.deactivatedAt &&
      (existing.confirmedAt || Date.now() - existing.askedAt.getTime() < 15 * 60_000)
    )
      return false;
    const now = new Date();
    const id = existing?.id ?? newId();
    if (existing) {
      await tx.slackHook.update({
        where: { id },
        data: { askedAt: now, confirmedAt: null, unsubscribedAt: null, deactivatedAt: null, deactivatedReason: null },
      });
    } else {
      await tx.slackHook.create({ data: { id, url, token: randomBytes(24).toString("base64url"), askedAt: now } });
    }
    await tx.delivery.create({
      data: { id: newId(), kind: SLACK_HOOK_TEST, channel: "slack", recipient: hookRecipient(id), payload: { hookId: id } },
    });
    await recordAudit(tx, null, {
      action: existing ? "slack_hook.updated" : "slack_hook.created",
      entityType: "SlackHook",
      entityId: id,
      after: { source: "page" },
    });
    return true;
  });
  if (queued) wakeWorker();
}

/** In the publishing transaction: the update's notice to every active hook, once (one delivery per update and hook). */
export async function enqueueSlackHookNotices(tx: Tx, updateId: string): Promise<number> {
  const hooks = await tx.slackHook.findMany({
    where: { confirmedAt: { not: null }, unsubscribedAt: null, deactivatedAt: null },
    select: { id: true },
  });
  if (hooks.length === 0) return 0;
  const rows = hooks.map((h) => ({
    id: newId(),
    updateId,
    kind: SLACK_HOOK_NOTICE,
    channel: "slack" as const,
    recipient: hookRecipient(h.id),
    payload: { hookId: h.id },
  }));
  const { count } = await tx.delivery.createMany({ data: rows });
  return count;
}

export type SlackHookView = { id: string; active: boolean; unsubscribedAt: string | null; deactivatedAt: string | null };

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export async function slackHookByToken(token: string | undefined): Promise<SlackHookView | null> {
  if (!token || !TOKEN.test(token)) return null;
  const row = await db.$transaction((tx) => tx.slackHook.findUnique({ where: { token } }));
  return row && hookView(row);
}

function hookView(row: { id: string; confirmedAt: Date | null; unsubscribedAt: Date | null; deactivatedAt: Date | null }): SlackHookView {
  return {
    id: row.id,
    active: Boolean(row.confirmedAt && !row.unsubscribedAt && !row.deactivatedAt),
    unsubscribedAt: row.unsubscribedAt?.toISOString() ?? null,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}

/** The unsubscribe link's POST: nothing more is posted to the hook. */
export async function unsubscribeSlackHook(token: string | undefined): Promise<SlackHookView | null> {
  if (!token || !TOKEN.test(token)) return null;
  return db.$transaction(async (tx) => {
    const row = await tx.slackHook.findUnique({ where: { token } });
    if (!row) return null;
    if (row.unsubscribedAt) return hookView(row);
    const updated = await tx.slackHook.update({ where: { id: row.id }, data: { unsubscribedAt: new Date() } });
    await recordAudit(tx, null, { action: "slack_hook.unsubscribed", entityType: "SlackHook", entityId: row.id });
    return hookView(updated);
  });
}
