// What the status pages' tests share: the page's clock, the assets, how a reader reads a page
// (its words, its elements, a component's row, a section) and sample pages changed for one case.
import { expect } from "vitest";
import { SAMPLE_IDS } from "~/modules/status-page/sample-page.ts";
import type { PublicPage } from "~/modules/status-page/model.ts";

export const NOW = new Date("2026-11-23T13:25:00.000Z");
export const assets = { stylesheetHref: "/assets/styles.css", scriptHref: "/status-live.js" };

/** The words on the page, as a reader sees them. */
export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** How many elements a browser builds from the document. */
export function elements(html: string): number {
  return (html.match(/<[a-zA-Z]/g) ?? []).length;
}

/** The markup of one component's row, up to the next component. */
export function componentRow(html: string, id: string): string {
  const start = html.indexOf(`data-component="${id}"`);
  expect(start).toBeGreaterThan(-1);
  const next = html.indexOf("data-component=", start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}

export function section(html: string, marker: string): string {
  const start = html.indexOf(marker);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</article>", start));
}

export function allFine(page: PublicPage): Pick<PublicPage, "components" | "incidents" | "maintenances"> {
  return {
    components: page.components.map((c) => ({ ...c, status: "operational" })),
    incidents: page.incidents.map((i) => ({ ...i, status: "resolved" })),
    maintenances: page.maintenances.filter((m) => m.status === "completed"),
  };
}

export function withBody(page: PublicPage, body: string): PublicPage {
  return {
    ...page,
    incidents: page.incidents.map((i) =>
      i.id === SAMPLE_IDS.activeIncident ? { ...i, updates: i.updates.map((u, k) => (k === 0 ? { ...u, body } : u)) } : i,
    ),
  };
}

export function withReport(page: PublicPage, incidentId: string, body: string): PublicPage {
  return {
    ...page,
    incidents: page.incidents.map((i) => {
      if (i.id !== incidentId) return i;
      const at = new Date(i.updatedAt.getTime() + 3_600_000);
      const report = {
        ...i.updates[0],
        id: "upd0report01",
        status: "postmortem" as const,
        body,
        displayAt: at,
        createdAt: at,
        updatedAt: at,
      };
      return { ...i, status: "postmortem", updatedAt: at, updates: [report, ...i.updates] };
    }),
  };
}
