// The public site's other pages as readers see them: an incident's page, the history and uptime pages,
// what an update and a root-cause report say, and what every document holds.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UpdateBody } from "~/components/status-page/update-body.tsx";
import { renderHistoryPage, renderIncidentPage, renderStatusPage, renderUptimePage } from "~/public-site/status-pages.server.tsx";
import { SAMPLE_IDS, samplePage } from "~/modules/status-page/sample-page.ts";
import { NOW, assets, text, withBody, withReport } from "./status-pages.fixtures.ts";

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

  it("lists, per component, every day with downtime, maintenance or an incident, where the bars link to", () => {
    const html = renderUptimePage(page, assets);
    const rowOf = (id: string) => html.slice(html.indexOf(`id="c-${id}"`), html.indexOf("</tr>", html.indexOf(`id="c-${id}"`)));
    const row = rowOf(SAMPLE_IDS.console);
    expect(text(row)).toMatch(/[A-Z][a-z]{2} \d+, 2026 ?: Major outage 1 h 10 min · Developer console not loading/);
    expect(row).toContain('href="https://status.northwind.test/status/incidents/inc0c0ns0l3x"');
    const web = rowOf(SAMPLE_IDS.mobile);
    expect(text(web)).toMatch(/Partial outage 25 min · Sign-in failures in the Mobile app/);
  });
});

describe("what an update says", () => {
  const hostile = "Hello <script>alert(1)</script>\n\nSee javascript:alert(1) and https://ok.test/path?a=1.";

  it("is escaped text with only http(s) links, on the page as in the preview", () => {
    const page = withBody(samplePage(NOW), hostile);
    for (const html of [
      renderStatusPage(page, assets),
      renderIncidentPage(page, SAMPLE_IDS.activeIncident, assets)!,
      renderToStaticMarkup(createElement(UpdateBody, { body: hostile })),
    ]) {
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

describe("a published root-cause report", () => {
  const REPORT = [
    "## What happened\nThe **Web app** was slow for 95 minutes.",
    "## What we will do\n- Add a second cache node\n- Read [the write-up](https://northwind.test/blog/cache)",
    "- Or [this](javascript:alert(1)) <img src=x onerror=alert(1)>",
  ].join("\n");
  const page = withReport(samplePage(NOW), "inc0w3bs10w5", REPORT);

  it("renders as a document on the incident's page: headings, lists, http(s) links; no javascript: link or markup from the text", () => {
    const html = renderIncidentPage(page, "inc0w3bs10w5", assets)!;
    expect(html).toMatch(/<h3>(<span>)?What happened(<\/span>)?<\/h3>/);
    expect(html).toMatch(/<strong>Web app<\/strong>/);
    expect(html).toMatch(/<ul><li><p>(<span>)?Add a second cache node/);
    expect(html).toContain('<a href="https://northwind.test/blog/cache" rel="noopener noreferrer nofollow" target="_blank">');
    expect(html).not.toMatch(/href="javascript:|<img src/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("is one line and a link in the last 14 days on /status, and one clean line in the history", () => {
    const status = renderStatusPage(page, assets);
    const past = status.slice(status.indexOf('data-past-event="inc0w3bs10w5"'));
    expect(text(past.slice(0, past.indexOf("</article>")))).toContain("The Web app was slow for 95 minutes. Read the root-cause report");
    expect(past).toContain('href="https://status.northwind.test/status/incidents/inc0w3bs10w5"');
    expect(status).not.toContain("Add a second cache node");
    const history = renderHistoryPage(page, assets);
    const excerpt = /<span data-excerpt="">([^<]*)<\/span>/.exec(history.slice(history.indexOf("Slow page loads in the Web app")))![1];
    expect(excerpt).toBe("The Web app was slow for 95 minutes.");
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
