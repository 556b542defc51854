// Turns queued deliveries into emails: the notice for their update (or the confirmation),
// filled for each recipient with their own manage and one-click unsubscribe links.
import { COMPONENT_STATUS_LABELS, type ComponentStatusName } from "~/modules/status-page/model.ts";
import { formatPageTime } from "~/components/status-page/event-time.tsx";
import { DEFAULT_NOTICES, type NoticeKind, type NoticeVariables } from "~/modules/notices/notice-templates.ts";
import { renderNotice } from "~/modules/notices/render-notice.ts";
import { EVENT_STATUS_LABELS } from "~/components/status-page/status-look.tsx";
import type { Tx } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import type { Email } from "./mailer.server.ts";

type DeliveryRow = { id: string; kind: string; updateId: string | null; recipient: string; subscriber: { token: string } | null };

type Context = { kind: NoticeKind; variables: Omit<NoticeVariables, "manage_url" | "unsubscribe_url" | "confirm_url">; from: string; pageUrl: string };

function sender(name: string, publicUrl: string): string {
  if (env().MAIL_FROM) return env().MAIL_FROM!;
  const host = new URL(publicUrl).hostname;
  return `${name.replace(/[^\p{L}\p{N} .&-]/gu, "")} Status <status@${host.includes(".") ? host : `${host}.localdomain`}>`;
}

async function pageContext(tx: Tx) {
  const org = await tx.organization.findUnique({ where: { id: "org" } });
  const name = org?.name ?? "Status";
  const publicUrl = (org?.publicUrl ?? "http://localhost").replace(/\/+$/, "");
  return { name, publicUrl, pageUrl: `${publicUrl}/status`, timeZone: org?.timeZone ?? "Etc/UTC", from: sender(name, publicUrl) };
}

async function updateContext(tx: Tx, updateId: string): Promise<Context> {
  const page = await pageContext(tx);
  const update = await tx.statusUpdate.findUniqueOrThrow({
    where: { id: updateId },
    include: {
      components: { include: { component: { select: { name: true, group: { select: { name: true } } } } } },
      incident: { select: { id: true, title: true, publicTitle: true } },
      maintenance: { select: { id: true, title: true } },
    },
  });
  let kind: NoticeKind;
  if (update.maintenanceId) kind = update.status === "scheduled" ? "maintenance.scheduled" : update.status === "completed" ? "maintenance.completed" : "maintenance.started";
  else {
    const earlier = await tx.statusUpdate.count({ where: { incidentId: update.incidentId, state: "published", publishedAt: { lt: update.publishedAt ?? new Date() } } });
    kind = update.status === "resolved" ? "incident.resolved" : earlier === 0 ? "incident.created" : "incident.updated";
  }
  const eventId = update.incident?.id ?? update.maintenance!.id;
  return {
    kind,
    from: page.from,
    pageUrl: page.pageUrl,
    variables: {
      page_name: page.name,
      page_url: page.pageUrl,
      title: update.incident ? (update.incident.publicTitle ?? update.incident.title) : update.maintenance!.title,
      status: EVENT_STATUS_LABELS[update.status as keyof typeof EVENT_STATUS_LABELS] ?? update.status,
      body: update.body,
      components: update.components.map(
        (c) => `${c.component.group ? `${c.component.group.name} - ` : ""}${c.component.name}: ${COMPONENT_STATUS_LABELS[c.newStatus as ComponentStatusName]}`,
      ),
      posted_at: formatPageTime(update.publishedAt ?? new Date(), page.timeZone),
      incident_url: `${page.pageUrl}/incidents/${eventId}`,
    },
  };
}

async function confirmationContext(tx: Tx): Promise<Context> {
  const page = await pageContext(tx);
  return {
    kind: "confirmation",
    from: page.from,
    pageUrl: page.pageUrl,
    variables: { page_name: page.name, page_url: page.pageUrl, title: "", status: "", body: "", components: [], posted_at: "", incident_url: "" },
  };
}

/** The emails for one batch of deliveries (all of one update, or one confirmation). */
export async function composeEmails(tx: Tx, rows: DeliveryRow[]): Promise<Email[]> {
  if (rows.length === 0) return [];
  const context = rows[0].updateId ? await updateContext(tx, rows[0].updateId) : await confirmationContext(tx);
  return rows.map((row) => {
    const token = row.subscriber?.token ?? "";
    const base = `${context.pageUrl}/subscriptions/${token}`;
    const notice = renderNotice(DEFAULT_NOTICES[context.kind], {
      ...context.variables,
      manage_url: base,
      unsubscribe_url: `${base}/unsubscribe`,
      confirm_url: `${base}/confirm`,
    });
    const headers: Record<string, string> =
      context.kind === "confirmation"
        ? {}
        : { "List-Unsubscribe": `<${base}/unsubscribe>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    return { deliveryId: row.id, from: context.from, to: row.recipient, subject: notice.subject, html: notice.html, text: notice.text, headers };
  });
}
