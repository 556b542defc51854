// What a visitor of the public status page sees, read from the rendered documents.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UpdateBody } from "~/components/status-page/update-body.tsx";
import { renderHistoryPage, renderIncidentPage, renderStatusPage, renderUptimePage } from "~/modules/status-page/html.server.tsx";
import type { PublicPage } from "~/modules/status-page/model.ts";
import { SAMPLE_IDS, samplePage } from "~/modules/status-page/sample-page.ts";

const NOW = new Date("2026-11-23T13:25:00.000Z");
const assets = { stylesheetHref: "/assets/styles.css", scriptHref: "/status-live.js" };

/** The words on the page, as a reader sees them. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The markup of one component's row, up to the next component. */
function componentRow(html: string, id: string): string {
  const start = html.indexOf(`data-component="${id}"`);
  expect(start).toBeGreaterThan(-1);
  const next = html.indexOf("data-component=", start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}

function section(html: string, marker: string): string {
  const start = html.indexOf(marker);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</article>", start));
}

describe("the public status page", () => {
  const page = samplePage(NOW);
  const html = renderStatusPage(page, assets);

  it("is a complete document for phones, with a skip link to the main content", () => {
    expect(html.startsWith("<!doctype html><html lang=\"en\">")).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain("<title>Northwind AI Status</title>");
    expect(html).toContain('<link rel="stylesheet" href="/assets/styles.css"/>');
    expect(html).toContain('href="#status-main"');
    expect(html).toContain('<main id="status-main"');
  });

  it("offers email notices with a plain form, components grouped as on the page", () => {
    const form = html.slice(html.indexOf('<div id="subscribe"'), html.indexOf("</form>"));
    expect(form).toContain('<form method="post" action="/status/subscribe"');
    expect(text(form)).toContain("Get notices by email");
    expect(form).toContain('name="email"');
    expect(form).toMatch(new RegExp(`<input type="checkbox" name="components"[^>]* value="${SAMPLE_IDS.messages}"`));
    expect(text(form)).toMatch(/API\s+Messages endpoint/);
    // a group is a heading, not a choice: updates name components, never a whole group
    expect(form).not.toContain(`value="${SAMPLE_IDS.api}"`);
  });

  it("says in words how things are overall", () => {
    const banner = html.slice(html.indexOf('aria-label="Current status"'), html.indexOf("</section>"));
    expect(text(banner)).toContain("Partial System Outage");
    expect(renderStatusPage({ ...samplePage(NOW), ...allFine(page) }, assets)).toContain("All Systems Operational");
  });

  it("shows every component with its current status", () => {
    const expected: [string, string, string][] = [
      [SAMPLE_IDS.api, "API", "Partial outage"],
      [SAMPLE_IDS.messages, "Messages endpoint", "Partial outage"],
      [SAMPLE_IDS.batch, "Batch endpoint", "Under maintenance"],
      [SAMPLE_IDS.apps, "Apps", "Operational"],
      [SAMPLE_IDS.web, "Web app", "Operational"],
      [SAMPLE_IDS.mobile, "Mobile app", "Operational"],
      [SAMPLE_IDS.console, "Developer console", "Operational"],
    ];
    for (const [id, name, label] of expected) {
      const row = text(componentRow(html, id).split("data-uptime-bars")[0]);
      expect(row).toContain(name);
      expect(row).toContain(label);
    }
  });

  it("draws 90 focusable day bars per component, with the uptime and how it is computed", () => {
    for (const id of [SAMPLE_IDS.messages, SAMPLE_IDS.batch, SAMPLE_IDS.web, SAMPLE_IDS.mobile, SAMPLE_IDS.console]) {
      const row = componentRow(html, id);
      expect(row.match(/<li tabindex="0"/g)).toHaveLength(90);
      expect(text(row)).toMatch(/\d+\.\d\d% uptime/);
    }
    expect(html).toContain('href="https://status.northwind.test/status/uptime"');
    // The day of the live incident links to it from the Messages endpoint's last bar.
    expect(componentRow(html, SAMPLE_IDS.messages)).toContain(`href="https://status.northwind.test/status/incidents/${SAMPLE_IDS.activeIncident}"`);
  });

  it("lists the unresolved incident's updates newest first, with times in the page's zone and UTC", () => {
    const incident = text(section(html, `data-incident="${SAMPLE_IDS.activeIncident}"`));
    expect(incident).toContain("Elevated error rates on the Messages endpoint");
    expect(incident.indexOf("Identified")).toBeLessThan(incident.indexOf("Investigating"));
    // HTML attribute names are case-insensitive; React writes this one as dateTime.
    expect(html).toMatch(/<time datetime="2026-11-23T13:05:00.000Z" data-local="">Nov 23, 14:05 CET \(13:05 UTC\)<\/time>/i);
    expect(html).toContain('<a href="https://docs.northwind.test/errors#retries" rel="nofollow noopener">');
  });

  it("shows the maintenance running now and the one to come, with their windows", () => {
    const running = text(section(html, `data-maintenance="${SAMPLE_IDS.activeMaintenance}"`));
    expect(running).toContain("Batch endpoint storage migration");
    expect(running).toContain("In progress");
    expect(running).toMatch(/Nov 23, 13:55 CET \(12:55 UTC\) – until Nov 23, 15:55 CET \(14:55 UTC\)/);
    const upcoming = text(section(html, `data-maintenance="${SAMPLE_IDS.upcomingMaintenance}"`));
    expect(upcoming).toContain("Scheduled");
    expect(upcoming).toContain("Apps – Web app");
  });

  it("shows the last 14 days of incidents, saying so on quiet days", () => {
    const past = text(html.slice(html.indexOf('id="past-incidents-heading"')));
    expect(past).toContain("Nov 23, 2026");
    expect(past).toContain("Nov 10, 2026");
    expect(past).not.toContain("Nov 9, 2026");
    expect(past).toContain("No incidents reported.");
    expect(past).toContain("Slow page loads in the Web app");
  });

  it("links to the history, the feeds and the JSON API", () => {
    for (const href of [
      "https://status.northwind.test/status/history",
      "https://status.northwind.test/history.atom",
      "https://status.northwind.test/history.rss",
      "https://status.northwind.test/api/v2/summary.json",
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
  });
});

describe("the incident page", () => {
  const page = samplePage(NOW);

  it("shows an incident with all its updates and components", () => {
    const html = renderIncidentPage(page, SAMPLE_IDS.activeIncident, assets);
    expect(html).not.toBeNull();
    const words = text(html!);
    expect(words).toContain("Elevated error rates on the Messages endpoint");
    expect(words.indexOf("Identified")).toBeLessThan(words.lastIndexOf("Investigating"));
    expect(words).toContain("This incident affected: API – Messages endpoint");
    expect(words).toContain("Nov 23, 13:40 CET (12:40 UTC)");
  });

  it("shows a maintenance by its id too", () => {
    expect(text(renderIncidentPage(page, SAMPLE_IDS.activeMaintenance, assets)!)).toContain("Batch endpoint storage migration");
  });

  it("does not exist for an unknown id", () => {
    expect(renderIncidentPage(page, "zzzzzzzzzzzz", assets)).toBeNull();
  });
});

describe("the history and uptime pages", () => {
  const page = samplePage(NOW);

  it("lists incidents by month, newest month first", () => {
    const words = text(renderHistoryPage(page, assets));
    expect(words.indexOf("November 2026")).toBeLessThan(words.indexOf("October 2026"));
    expect(words.indexOf("October 2026")).toBeLessThan(words.indexOf("September 2026"));
    expect(words).toContain("API unavailable");
  });

  it("explains the uptime formula with this page's weights", () => {
    const words = text(renderUptimePage(page, assets));
    expect(words).toContain("partial outage × 0.3");
    expect(words).toContain("Scheduled maintenance is never counted as downtime.");
  });
});

describe("what an update says", () => {
  const hostile = "Hello <script>alert(1)</script>\n\nSee javascript:alert(1) and https://ok.test/path?a=1.";

  it("is escaped text with only http(s) links, on the page as in the preview", () => {
    const page = withBody(samplePage(NOW), hostile);
    for (const html of [renderStatusPage(page, assets), renderIncidentPage(page, SAMPLE_IDS.activeIncident, assets)!, renderToStaticMarkup(createElement(UpdateBody, { body: hostile }))]) {
      expect(html).not.toContain("<script>alert(1)");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).not.toMatch(/href="\s*javascript:/i);
      expect(html).toContain('<a href="https://ok.test/path?a=1" rel="nofollow noopener">https://ok.test/path?a=1</a>.');
    }
  });

  it("keeps paragraphs apart", () => {
    expect(renderToStaticMarkup(createElement(UpdateBody, { body: "One.\n\nTwo\nlines." }))).toContain("<p>One.</p><p>Two<br/>lines.</p>");
  });
});

describe("every document", () => {
  const page = samplePage(NOW);
  const documents = [
    renderStatusPage(page, assets),
    renderIncidentPage(page, SAMPLE_IDS.activeIncident, assets)!,
    renderHistoryPage(page, assets),
    renderUptimePage(page, assets),
  ];

  it("loads its only script from a file, with no inline script or handler", () => {
    for (const html of documents) {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts).toHaveLength(1);
      expect(scripts[0][1]).toContain('src="/status-live.js"');
      expect(scripts[0][1]).toContain("defer");
      expect(scripts[0][2]).toBe("");
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

function allFine(page: PublicPage): Pick<PublicPage, "components" | "incidents" | "maintenances"> {
  return {
    components: page.components.map((c) => ({ ...c, status: "operational" })),
    incidents: page.incidents.map((i) => ({ ...i, status: "resolved" })),
    maintenances: page.maintenances.filter((m) => m.status === "completed"),
  };
}

function withBody(page: PublicPage, body: string): PublicPage {
  return {
    ...page,
    incidents: page.incidents.map((i) =>
      i.id === SAMPLE_IDS.activeIncident ? { ...i, updates: i.updates.map((u, k) => (k === 0 ? { ...u, body } : u)) } : i,
    ),
  };
}
