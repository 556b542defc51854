// /history.atom and /history.rss: one entry per incident or maintenance, its updates as HTML,
// as Statuspage's feeds show them. Every piece of published text is escaped: a feed reader
// renders it as HTML. A root-cause report goes as the document the page shows (headings, lists,
// links), rendered by the page's own component (React, hence here and not in a module).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { Feed } from "feed";
import type {
  MaintenanceStatusName,
  PublicIncident,
  PublicIncidentStatus,
  PublicMaintenance,
  PublicPage,
} from "~/modules/status-page/model.ts";
import { updateHtml } from "~/components/status-page/update-html.server.tsx";
import { isRichUpdate } from "~/modules/status-page/update-text.ts";

const MOST_RECENT = 50;

const UPDATE_STATUS_LABELS: Record<PublicIncidentStatus | MaintenanceStatusName, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function updatesHtml(event: PublicIncident | PublicMaintenance): string {
  return [...event.updates]
    .sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime())
    .map((u) => {
      const time = format(new TZDate(u.displayAt.getTime(), "UTC"), "MMM d, yyyy, HH:mm 'UTC'");
      if (isRichUpdate(u.status)) {
        const head = `<p><small>${time}</small><br><strong>${UPDATE_STATUS_LABELS[u.status]}</strong></p>`;
        return `<div>${head}${updateHtml(u.status, u.body)}</div>`;
      }
      const body = escapeHtml(u.body).replace(/\r?\n/g, "<br>");
      return `<p><small>${time}</small><br><strong>${UPDATE_STATUS_LABELS[u.status]}</strong> - ${body}</p>`;
    })
    .join("");
}

function historyFeed(page: PublicPage): Feed {
  const { name, url, updatedAt } = page.page;
  const feed = new Feed({
    title: `${name} status - incident history`,
    description: `Incidents and scheduled maintenances on the ${name} status page`,
    id: url,
    link: url,
    updated: updatedAt,
  });
  const events = [...page.incidents, ...page.maintenances]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, MOST_RECENT);
  for (const event of events) {
    const shortlink = `${url}/incidents/${event.id}`;
    feed.addItem({
      // Titles go out as HTML (Atom type="html", and RSS readers treat them alike).
      title: escapeHtml(event.name),
      id: shortlink,
      link: shortlink,
      date: event.updatedAt,
      published: event.createdAt,
      content: updatesHtml(event),
    });
  }
  return feed;
}

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and line ends, U+FFFE/U+FFFF, a lone
 * surrogate): one in any update would make the whole feed unreadable to every reader.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function historyAtom(page: PublicPage): string {
  return historyFeed(page).atom1().replace(NOT_XML, "");
}

export function historyRss(page: PublicPage): string {
  return historyFeed(page).rss2().replace(NOT_XML, "");
}
