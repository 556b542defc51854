// /history.atom and /history.rss: one entry per incident or maintenance, its updates as HTML,
// as Statuspage's feeds show them. Every piece of published text is escaped: a feed reader
// renders it as HTML. Pure.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { Feed } from "feed";
import type { MaintenanceStatusName, PublicIncident, PublicIncidentStatus, PublicMaintenance, PublicPage } from "~/modules/status-page/model.ts";

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

export function historyAtom(page: PublicPage): string {
  return historyFeed(page).atom1();
}

export function historyRss(page: PublicPage): string {
  return historyFeed(page).rss2();
}
