// What a visitor of the public status page sees, read from the rendered documents.
import { describe, expect, it } from "vitest";
import { renderStatusPage } from "~/public-site/status-pages.server.tsx";
import { SAMPLE_IDS, samplePage } from "~/modules/status-page/sample-page.ts";
import { NOW, assets, text, elements, componentRow, section, allFine } from "./status-pages.fixtures.ts";

describe("the public status page", () => {
  const page = samplePage(NOW);
  const html = renderStatusPage(page, assets);

  it("is a complete document for phones, with a skip link to the main content", () => {
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain("<title>Northwind AI Status</title>");
    expect(html).toContain('<link rel="stylesheet" href="/assets/styles.css"/>');
    expect(html).toContain('href="#status-main"');
    expect(html).toContain('<main id="status-main"');
  });

  it("offers every way to follow it behind one Subscribe to updates button in the header, without script", () => {
    const header = html.slice(html.indexOf("<header"), html.indexOf("</header>"));
    const menu = header.slice(header.indexOf('<details id="subscribe"'));
    expect(text(menu.slice(0, menu.indexOf("</summary>")))).toContain("Subscribe to updates");
    const form = menu.slice(menu.indexOf("<form"), menu.indexOf("</form>"));
    expect(form).toContain('method="post" action="/status/subscribe"');
    expect(form).toContain('name="email"');
    expect(form).toMatch(new RegExp(`<input type="checkbox" name="components"[^>]* value="${SAMPLE_IDS.messages}"`));
    expect(text(form)).toMatch(/API\s+Messages endpoint/);
    for (const path of ["/history.atom", "/history.rss", "/api/v2/summary.json"]) {
      expect(menu).toContain(`href="https://status.northwind.test${path}"`);
    }
    // one page, one form
    expect(html.match(/action="\/status\/subscribe"/g)).toHaveLength(1);
  });

  it("lets a reader choose a whole group with one checkbox that stands for its members", () => {
    const form = html.slice(html.indexOf('<details id="subscribe"'), html.indexOf("</form>"));
    for (const [group, members] of [
      [SAMPLE_IDS.api, [SAMPLE_IDS.messages, SAMPLE_IDS.batch]],
      [SAMPLE_IDS.apps, [SAMPLE_IDS.web, SAMPLE_IDS.mobile]],
    ] as const) {
      const box = new RegExp(`<input type="checkbox" name="components"(?=[^>]*data-group="")(?=[^>]* value="${group}")`);
      expect(form).toMatch(box);
      const fieldset = form.slice(form.search(box), form.indexOf("</fieldset>", form.search(box)));
      for (const member of members) expect(fieldset).toContain(`value="${member}"`);
    }
    expect(text(form)).toContain("All of API");
  });

  it("says in words how things are overall", () => {
    const start = html.indexOf('aria-label="Current status"');
    const banner = html.slice(start, html.indexOf("</section>", start));
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

  it("draws 90 days of bars per component as one image with its text alternative, few elements each", () => {
    for (const id of [SAMPLE_IDS.messages, SAMPLE_IDS.batch, SAMPLE_IDS.web, SAMPLE_IDS.mobile, SAMPLE_IDS.console]) {
      const row = componentRow(html, id);
      const at = row.indexOf("data-uptime-bars");
      const strip = row.slice(row.lastIndexOf("<svg", at), row.indexOf("</svg>", at) + 6);
      expect(strip).toMatch(/^<svg[^>]* role="img"[^>]* data-uptime-bars=""/);
      expect(strip).toMatch(/aria-label="[^"]+, last 90 days: \d+\.\d\d% uptime\./);
      expect(row).not.toContain("tabindex");
      // one stretch per run of quiet days, one per notable day: a few, not 90
      expect((strip.match(/<rect/g) ?? []).length).toBeLessThan(15);
      expect(text(row)).toMatch(/\d+\.\d\d% uptime/);
    }
    expect(html).toContain('href="https://status.northwind.test/status/uptime"');
  });

  it("still tells what happened on each day: a day of downtime names its minutes and its incident", () => {
    const strip = componentRow(html, SAMPLE_IDS.messages);
    const today = String.raw`Nov 23, 2026: Partial outage \d+ min\. Related: Elevated error rates on the Messages endpoint\.`;
    expect(strip).toMatch(new RegExp(`aria-label="[^"]*${today}`));
    expect(strip).toMatch(new RegExp(`<title>${today}</title>`));
    const outage = /<title>[A-Z][a-z]{2} \d+, 2026: Major outage 1 h 10 min\. Related: Developer console not loading\.<\/title>/;
    expect(componentRow(html, SAMPLE_IDS.console)).toMatch(outage);
    // each component's days are listed in words on the uptime page, one link away
    const details = `href="https://status.northwind.test/status/uptime#c-${SAMPLE_IDS.messages}"`;
    expect(componentRow(html, SAMPLE_IDS.messages)).toContain(details);
  });

  it("shows the last 30 days on a phone: a 30-day label and uptime beside the 90-day ones, the strip zoomed by the stylesheet", () => {
    const row = componentRow(html, SAMPLE_IDS.console);
    expect(row).toContain('class="ub90"');
    expect(row).toContain('class="ub30"');
    expect(text(row)).toMatch(/90 days ago .*30 days ago/);
    expect(text(row)).toMatch(/\d+\.\d\d% uptime.*100\.00% uptime/);
    expect(row).toContain('class="ubd"');
  });

  it("opens a group when one of its members is affected and keeps it closed when all is well", () => {
    const group = (id: string) => {
      const at = html.indexOf(`data-component="${id}"`);
      return html.slice(at, html.indexOf("</summary>", at));
    };
    expect(group(SAMPLE_IDS.api)).toMatch(/<details open=""/);
    expect(group(SAMPLE_IDS.apps)).toMatch(/<details(?! open)/);
    const calm = renderStatusPage({ ...page, ...allFine(page) }, assets);
    expect(calm.match(/<details open=""/g) ?? []).toEqual([]);
  });

  it("stays light: under 1,500 elements and 100 KB with an incident open, maintenance and 14 days of history", () => {
    expect(elements(html)).toBeLessThan(1_500);
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
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
