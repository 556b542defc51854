// What a notice is filled with: the page, the published update (or nothing, for a
// confirmation), and the subscriber's own manage and one-click unsubscribe links. The
// delivery worker composes emails with it; the admin's preview uses the same real data.
import type { Tx } from "~/utils/db.server.ts";
import { linkBaseFrom } from "~/modules/status-page/link-base.server.ts";
import { env } from "~/utils/env.server.ts";
import { SAMPLE_NOTICE_VARIABLES, type NoticeKind, type NoticeVariables } from "./notice-defaults.ts";
import { updateBodyHtml } from "./update-body-html.ts";
import { updateNoticeVariables, type NoticeSubscriberLinks as SubscriberLinks } from "./notice-variables.ts";

/** A notice's data before it is addressed to one subscriber. */
export type NoticeContext = { kind: NoticeKind; variables: Omit<NoticeVariables, keyof SubscriberLinks>; from: string; pageUrl: string };

/** The links every notice carries, into the subscription that `token` opens. */
export function subscriberLinks(pageUrl: string, token: string): SubscriberLinks {
  const base = `${pageUrl}/subscriptions/${token}`;
  return { manage_url: base, unsubscribe_url: `${base}/unsubscribe`, confirm_url: `${base}/confirm` };
}

function sender(name: string, publicUrl: string): string {
  if (env().MAIL_FROM) return env().MAIL_FROM!;
  const host = new URL(publicUrl).hostname;
  return `${name.replace(/[^\p{L}\p{N} .&-]/gu, "")} Status <status@${host.includes(".") ? host : `${host}.localdomain`}>`;
}

export async function pageContext(tx: Tx) {
  const org = await tx.organization.findUnique({ where: { id: "org" } });
  const name = org?.name ?? "Status";
  const publicUrl = linkBaseFrom(org?.publicUrl);
  return { name, publicUrl, pageUrl: `${publicUrl}/status`, timeZone: org?.timeZone ?? "Etc/UTC", from: sender(name, publicUrl) };
}

type PublishedUpdate = { status: string; incidentId: string | null; maintenanceId: string | null; publishedAt: Date | null };

async function noticeKindOf(tx: Tx, update: PublishedUpdate): Promise<NoticeKind> {
  if (update.status === "postmortem") return "postmortem.published";
  if (update.maintenanceId)
    return update.status === "scheduled"
      ? "maintenance.scheduled"
      : update.status === "completed"
        ? "maintenance.completed"
        : "maintenance.started";
  const earlier = await tx.statusUpdate.count({
    where: { incidentId: update.incidentId, state: "published", publishedAt: { lt: update.publishedAt ?? new Date() } },
  });
  return update.status === "resolved" ? "incident.resolved" : earlier === 0 ? "incident.created" : "incident.updated";
}

/** The notice for a published update; `kind` overrides the one it would be (the admin's preview). */
export async function updateNoticeContext(tx: Tx, updateId: string, kind?: NoticeKind): Promise<NoticeContext> {
  const page = await pageContext(tx);
  const update = await tx.statusUpdate.findUniqueOrThrow({
    where: { id: updateId },
    include: {
      components: { include: { component: { select: { name: true, group: { select: { name: true } } } } } },
      incident: { select: { id: true, title: true, publicTitle: true } },
      maintenance: { select: { id: true, title: true } },
    },
  });
  kind ??= await noticeKindOf(tx, update);
  return {
    kind,
    from: page.from,
    pageUrl: page.pageUrl,
    variables: updateNoticeVariables({ name: page.name, pageUrl: page.pageUrl, timeZone: page.timeZone }, kind, {
      title: update.incident ? (update.incident.publicTitle ?? update.incident.title) : update.maintenance!.title,
      status: update.status,
      body: update.body,
      bodyHtml: updateBodyHtml(update.status, update.body),
      publishedAt: update.publishedAt ?? new Date(),
      eventId: update.incident?.id ?? update.maintenance!.id,
      components: update.components.map((c) => ({
        name: c.component.name,
        group: c.component.group?.name ?? null,
        newStatus: c.newStatus,
      })),
    }),
  };
}

export async function confirmationContext(tx: Tx): Promise<NoticeContext> {
  const page = await pageContext(tx);
  return {
    kind: "confirmation",
    from: page.from,
    pageUrl: page.pageUrl,
    variables: {
      page_name: page.name,
      page_url: page.pageUrl,
      title: "",
      status: "",
      body: "",
      body_html: "",
      components: [],
      posted_at: "",
      incident_url: "",
      report_url: "",
      summary: "",
    },
  };
}

/** A placeholder subscription for previews: its links have the real shape and open nothing. */
const PREVIEW_TOKEN = "preview-subscriber";

/** The update status a notice is about, when it is about one in particular. */
const STATUS_OF_KIND: Partial<Record<NoticeKind, string>> = {
  "incident.resolved": "resolved",
  "maintenance.scheduled": "scheduled",
  "maintenance.started": "in_progress",
  "maintenance.completed": "completed",
  "postmortem.published": "postmortem",
};

export type NoticePreviewData = { variables: NoticeVariables; /** what the data is, in the admin's words */ source: string };

/**
 * Real data for an admin's preview of `kind`: the latest published update of an incident (of a
 * maintenance for maintenance notices), one of the notice's own status if there is one, sent
 * to a placeholder subscriber. Sample data only while nothing has been published.
 */
export async function noticePreviewData(tx: Tx, kind: NoticeKind): Promise<NoticePreviewData> {
  const page = await pageContext(tx);
  const links = subscriberLinks(page.pageUrl, PREVIEW_TOKEN);
  if (kind === "confirmation")
    return { variables: { ...(await confirmationContext(tx)).variables, ...links }, source: "a placeholder subscriber" };
  const of = kind.startsWith("maintenance.") ? { maintenanceId: { not: null } } : { incidentId: { not: null } };
  const latest = (status?: string) =>
    tx.statusUpdate.findFirst({
      where: { state: "published", ...of, ...(status ? { status } : {}) },
      orderBy: { publishedAt: "desc" },
      select: { id: true },
    });
  const update = (STATUS_OF_KIND[kind] ? await latest(STATUS_OF_KIND[kind]) : null) ?? (await latest());
  if (!update) {
    const variables = { ...SAMPLE_NOTICE_VARIABLES, page_name: page.name, page_url: page.pageUrl, ...links };
    return {
      variables,
      source: `sample data: no ${kind.startsWith("maintenance.") ? "maintenance" : "incident"} update has been published yet`,
    };
  }
  const context = await updateNoticeContext(tx, update.id, kind);
  const v = context.variables;
  return {
    variables: { ...v, ...links },
    source: `the ${v.status.toLowerCase()} update “${v.title}” of ${v.posted_at}, to a placeholder subscriber`,
  };
}
