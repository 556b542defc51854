// Turns queued deliveries into emails: the notice for their update (or the confirmation),
// from the admin's templates, filled for each recipient with their own manage and one-click
// unsubscribe links.
import { DEFAULT_NOTICES, type NoticeVariables } from "~/modules/notices/notice-templates.ts";
import { confirmationContext, subscriberLinks, updateNoticeContext } from "~/modules/notices/notice-context.server.ts";
import { loadNoticeTemplate } from "~/modules/notices/notice-templates.server.ts";
import { renderNotice, type RenderedNotice } from "~/modules/notices/render-notice.ts";
import { TemplateError } from "~/modules/notices/templates.ts";
import type { Tx } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import type { Email } from "./mailer.server.ts";

type DeliveryRow = { id: string; kind: string; updateId: string | null; recipient: string; subscriber: { token: string } | null };

/** The emails for one batch of deliveries (all of one update, or one confirmation), from the admin's templates. */
export async function composeEmails(tx: Tx, rows: DeliveryRow[]): Promise<Email[]> {
  if (rows.length === 0) return [];
  const context = rows[0].updateId ? await updateNoticeContext(tx, rows[0].updateId) : await confirmationContext(tx);
  const notice = await loadNoticeTemplate(tx, context.kind);
  const render = (variables: NoticeVariables): RenderedNotice => {
    try {
      return renderNotice(notice.template, variables, { sanitizeHtml: notice.customised.html });
    } catch (error) {
      // Checked when saved, but real data can still differ (a longer body): the notice goes out as shipped rather than not at all.
      if (!(error instanceof TemplateError) || !notice.customised.any) throw error;
      logger.warn({ kind: context.kind, error: error.message }, "the admin's notice template failed; sending the default");
      return renderNotice(DEFAULT_NOTICES[context.kind], variables);
    }
  };
  return rows.map((row) => {
    const links = subscriberLinks(context.pageUrl, row.subscriber?.token ?? "");
    const rendered = render({ ...context.variables, ...links });
    const headers: Record<string, string> =
      context.kind === "confirmation"
        ? {}
        : { "List-Unsubscribe": `<${links.unsubscribe_url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    return { deliveryId: row.id, from: context.from, to: row.recipient, subject: rendered.subject, html: rendered.html, text: rendered.text, headers };
  });
}
