// What a notice about a published update is filled with, from plain values: the delivery
// worker, the admin's preview and the preview cases all build it here. Pure.
import { COMPONENT_STATUS_LABELS, EVENT_STATUS_LABELS, type ComponentStatusName } from "~/modules/status-page/model.ts";
import { formatPageTime } from "~/modules/status-page/page-time.ts";
import { updateExcerpt, updatePlainText } from "~/modules/status-page/update-text.ts";
import type { NoticeKind, NoticeVariables } from "./notice-defaults.ts";

export type NoticeSubscriberLinks = Pick<NoticeVariables, "manage_url" | "unsubscribe_url" | "confirm_url">;

export type PublishedUpdateForNotice = {
  title: string;
  status: string;
  /** the update's body as stored (a root-cause report is light Markdown) */
  body: string;
  /** the body drawn as the public page draws it (update-body-html.ts); plain paragraphs when absent (previews) */
  bodyHtml?: string;
  publishedAt: Date;
  /** the incident's or maintenance's public id */
  eventId: string;
  /** what the update moved, with the group the public sees the component in */
  components: { name: string; group: string | null; newStatus: string }[];
};

export function updateNoticeVariables(
  page: { name: string; pageUrl: string; timeZone: string },
  kind: NoticeKind,
  update: PublishedUpdateForNotice,
): Omit<NoticeVariables, keyof NoticeSubscriberLinks> {
  const incidentUrl = `${page.pageUrl}/incidents/${update.eventId}`;
  const report = kind === "postmortem.published";
  return {
    page_name: page.name,
    page_url: page.pageUrl,
    title: update.title,
    status: EVENT_STATUS_LABELS[update.status as keyof typeof EVENT_STATUS_LABELS] ?? update.status,
    body: updatePlainText(update.status, update.body),
    body_html: update.bodyHtml ?? paragraphsHtml(updatePlainText(update.status, update.body)),
    components: update.components.map(
      (c) => `${c.group ? `${c.group} - ` : ""}${c.name}: ${COMPONENT_STATUS_LABELS[c.newStatus as ComponentStatusName] ?? c.newStatus}`,
    ),
    posted_at: formatPageTime(update.publishedAt, page.timeZone),
    incident_url: incidentUrl,
    report_url: report ? incidentUrl : "",
    summary: report ? updateExcerpt(update.status, update.body, 300) : "",
  };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Plain text as escaped HTML paragraphs, for a preview that has no server renderer at hand. */
function paragraphsHtml(text: string): string {
  const escape = (part: string) => part.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escape(p.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}
