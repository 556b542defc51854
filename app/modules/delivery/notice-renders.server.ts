// Filling a batch's notice, once per distinct content. Every subscriber of an update gets the
// same notice but for their own manage / unsubscribe / confirm links, so the notice is
// rendered once with a placeholder subscription token and each recipient's token is put in
// its place afterwards. That is sound only when the template treats the link as opaque text:
// a part that names a link is rendered a second time with another placeholder, and only when
// the two results differ by the placeholder alone is the substitution used; otherwise that
// notice is rendered per recipient. Renders run in slices (the server keeps answering) and
// outside any transaction, under a budget per publish: past it the shipped notice is sent
// and an audit row says why. See docs/decisions/0052-render-budget-and-webhook-page-age.md.
import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_NOTICES, NOTICE_PARTS, type NoticeTemplate } from "~/modules/notices/notice-defaults.ts";
import { subscriberLinks, type NoticeContext } from "~/modules/notices/notice-context.server.ts";
import type { EffectiveNotice } from "~/modules/notices/saved-notices.server.ts";
import { renderNoticeInSlices, type RenderedNotice } from "~/modules/notices/render-notice.ts";
import { RENDER_LIMIT_MS, TemplateError } from "~/modules/notices/liquid.ts";

/** Render time and size one publish may spend on its notices (every batch of it, in this process). */
export const PUBLISH_RENDER_BUDGET = { ms: 8_000, chars: 10_000_000 };

/** A part's render limit when sent: twice the save check's, so a template accepted there does not fail here on a busier server. */
export const SEND_RENDER_LIMIT_MS = 2 * RENDER_LIMIT_MS;

/** The renderer, replaceable in tests (they count its calls). */
export const noticeRenderer = { render: renderNoticeInSlices };

const LINK_NAMES = /\b(manage_url|unsubscribe_url|confirm_url)\b/;

type Rendered = RenderedNotice & { ms: number };
type Filled = { forToken: (token: string) => RenderedNotice };
/** A notice for each recipient of a batch: `forToken` puts their subscription token in it. */
export type FilledNotice = Filled & { template: "custom" | "default"; fallback?: string };

type Spent = { ms: number; chars: number; reported: boolean };
const spentByPublish = new Map<string, Spent>();
const filledByContent = new Map<string, Filled | "per-recipient">();
/** Publishes whose spending is kept, and notices kept filled (at most 600 KB each). */
const KEPT = { publishes: 200, contents: 10 };

function remember<K, V>(map: Map<K, V>, key: K, value: V, kept: number): V {
  if (map.size >= kept) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

const sizeOf = (n: RenderedNotice) => n.subject.length + n.text.length + n.html.length;
const placeholder = () => randomBytes(24).toString("base64url");
const swap = (n: RenderedNotice, from: string, to: string): RenderedNotice => ({
  subject: n.subject.replaceAll(from, () => to),
  text: n.text.replaceAll(from, () => to),
  html: n.html.replaceAll(from, () => to),
});

function contentKey(template: NoticeTemplate, sanitize: boolean, context: NoticeContext): string {
  return createHash("sha256")
    .update(JSON.stringify([context.kind, template, sanitize, context.pageUrl, context.variables]))
    .digest("base64url");
}

class OverBudget extends Error {}

/**
 * The batch's notice from `notice` (the admin's, or the shipped one), filled for `context` and
 * the recipients' subscription `tokens`. `budgetKey` names the publish (the update's id).
 */
export async function fillNotice(
  context: NoticeContext,
  notice: EffectiveNotice,
  tokens: string[],
  budgetKey: string | null,
): Promise<FilledNotice> {
  const spent = budgetKey
    ? (spentByPublish.get(budgetKey) ?? remember(spentByPublish, budgetKey, { ms: 0, chars: 0, reported: false }, KEPT.publishes))
    : null;
  const overBudget = () => spent !== null && (spent.ms > PUBLISH_RENDER_BUDGET.ms || spent.chars > PUBLISH_RENDER_BUDGET.chars);
  const withLinks = (token: string) => ({ ...context.variables, ...subscriberLinks(context.pageUrl, token) });
  const render = async (template: NoticeTemplate, token: string, sanitize: boolean): Promise<Rendered> => {
    if (overBudget()) throw new OverBudget();
    const rendered = await noticeRenderer.render(template, withLinks(token), { sanitizeHtml: sanitize, limitMs: SEND_RENDER_LIMIT_MS });
    if (spent) {
      spent.ms += rendered.ms;
      spent.chars += sizeOf(rendered);
    }
    return rendered;
  };

  const fill = async (template: NoticeTemplate, sanitize: boolean): Promise<Filled> => {
    const key = contentKey(template, sanitize, context);
    const known = filledByContent.get(key);
    if (known && known !== "per-recipient") return known;
    if (!known) {
      const a = placeholder();
      const first = await render(template, a, sanitize);
      // A part that does not name a link cannot depend on one (liquid cannot list its variables).
      const b = placeholder();
      const second = NOTICE_PARTS.some((part) => LINK_NAMES.test(template[part])) ? await render(template, b, sanitize) : null;
      const swapped = swap(first, a, b);
      if (!second || NOTICE_PARTS.every((part) => swapped[part] === second[part])) {
        const filled: Filled = { forToken: (token) => swap(first, a, token) };
        remember(filledByContent, key, filled, KEPT.contents);
        return filled;
      }
      remember(filledByContent, key, "per-recipient", KEPT.contents);
      if (spent && spent.ms + first.ms * tokens.length > PUBLISH_RENDER_BUDGET.ms) throw new OverBudget();
    }
    // The template reads the link itself: each recipient's notice is rendered on its own.
    const byToken = new Map<string, RenderedNotice>();
    for (const token of new Set(tokens)) byToken.set(token, await render(template, token, sanitize));
    return { forToken: (token) => byToken.get(token)! };
  };

  const shipped = async (fallback: string): Promise<FilledNotice> => ({
    ...(await fill(DEFAULT_NOTICES[context.kind], false)),
    template: "default",
    fallback,
  });
  if (!notice.customised.any) return { ...(await fill(notice.template, false)), template: "default" };
  try {
    return { ...(await fill(notice.template, notice.customised.html)), template: "custom" };
  } catch (error) {
    if (error instanceof OverBudget) return shipped(budgetReason(spent!));
    // Checked when saved, but real data can still differ (a longer body): the notice goes out as shipped rather than not at all.
    if (error instanceof TemplateError) return shipped(`the admin's template failed with this update's data: ${error.message}`);
    throw error;
  }
}

function budgetReason(spent: Spent): string {
  return (
    `the admin's template would pass this publish's render budget (${Math.round(spent.ms)} ms and ${spent.chars} characters spent of ` +
    `${PUBLISH_RENDER_BUDGET.ms} ms and ${PUBLISH_RENDER_BUDGET.chars}): ` +
    "it reads each subscriber's link, so it is rendered once per subscriber"
  );
}

/** Whether a fallback is yet to be reported: once per publish (every time for a confirmation). */
export function firstFallbackReport(budgetKey: string | null): boolean {
  const spent = budgetKey ? spentByPublish.get(budgetKey) : null;
  if (!spent) return true;
  if (spent.reported) return false;
  spent.reported = true;
  return true;
}

/** Forgets what was rendered and spent (tests). */
export function forgetNoticeRenders(): void {
  spentByPublish.clear();
  filledByContent.clear();
}
