// Turns queued deliveries into emails: the notice for their update (or the confirmation),
// from the admin's templates, with each recipient's own manage and one-click unsubscribe
// links. What the notice says is read in a short transaction; it is filled outside any
// transaction, once per distinct content, in slices that leave the server answering
// (notice-renders.server.ts). When the shipped notice had to stand in for the admin's, an
// audit row says why, once per publish.
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { confirmationContext, subscriberLinks, updateNoticeContext } from "~/modules/notices/notice-context.server.ts";
import { loadNoticeTemplate } from "~/modules/notices/saved-notices.server.ts";
import { db } from "~/utils/db.server.ts";
import { logger } from "~/utils/logger.server.ts";
import type { Email } from "./mailer.server.ts";
import { fillNotice, firstFallbackReport } from "./notice-renders.server.ts";

type DeliveryRow = { id: string; kind: string; updateId: string | null; recipient: string; subscriber: { token: string } | null };

/** The emails for one batch of deliveries (all of one update, or one confirmation), from the admin's templates. */
export async function composeEmails(rows: DeliveryRow[]): Promise<Email[]> {
  if (rows.length === 0) return [];
  const updateId = rows[0].updateId;
  const { context, notice } = await db.$transaction(async (tx) => {
    const context = updateId ? await updateNoticeContext(tx, updateId) : await confirmationContext(tx);
    return { context, notice: await loadNoticeTemplate(tx, context.kind) };
  });
  const tokenOf = (row: DeliveryRow) => row.subscriber?.token ?? "";
  const filled = await fillNotice(context, notice, rows.map(tokenOf), updateId);
  if (filled.fallback && firstFallbackReport(updateId)) {
    logger.warn(
      { kind: context.kind, updateId, reason: filled.fallback },
      "the admin's notice template was not used; sending the shipped one",
    );
    await db.$transaction((tx) =>
      recordAudit(tx, null, {
        action: "notice.shipped_template_sent",
        entityType: updateId ? "StatusUpdate" : "Template",
        entityId: updateId ?? `notice.${context.kind}`,
        after: { kind: context.kind, reason: filled.fallback },
      }),
    );
  }
  return rows.map((row) => {
    const links = subscriberLinks(context.pageUrl, tokenOf(row));
    const rendered = filled.forToken(tokenOf(row));
    const headers: Record<string, string> =
      context.kind === "confirmation"
        ? {}
        : { "List-Unsubscribe": `<${links.unsubscribe_url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    return {
      deliveryId: row.id,
      from: context.from,
      to: row.recipient,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers,
    };
  });
}
