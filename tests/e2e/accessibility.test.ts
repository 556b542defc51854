// axe-core (WCAG 2.x A/AA and best practice) on every main page, as the people who use each
// one: no serious or critical violation. The public status page also at a phone's width and at
// 200% zoom (no sideways scrolling, the status in words), and no status shown by colour alone.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { USERS } from "./support/app.ts";
import { seriousViolations, type AxeProblem } from "./support/axe.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("accessibility");

/** Opens each page in turn and collects what axe finds on it, so one run reports every page. */
function axeSurvey(page: Page) {
  const found: Record<string, AxeProblem[]> = {};
  return {
    found,
    async check(path: string, ready?: (page: Page) => Promise<unknown>): Promise<void> {
      const res = await page.goto(path);
      expect(res?.status(), path).toBeLessThan(400);
      await page.waitForLoadState("load");
      if (ready) await ready(page);
      const problems = await seriousViolations(page);
      if (problems.length) {
        found[path] = problems;
        await screenshot(page, `accessibility--FAILED--${path}`);
      }
    },
  };
}

let incidentId = "";
let postmortemId = "";
let resolvedIncidentId = "";
let publicIncidentId = "";

beforeAll(async () => {
  const incident = await suite.admin.createIncident({
    title: "Payments API returning 502s",
    severity: "SEV2",
    summary: "Card payments fail for some merchants.",
  });
  incidentId = incident.id;
  await suite.admin.call("POST", `/api/v1/incidents/${incidentId}/timeline`, {
    body: "Error rate at 12% on **payments-api**, see https://grafana.example.com/d/pay",
    kind: "observation",
  });
  await suite.admin.call("POST", `/api/v1/incidents/${incidentId}/timeline`, {
    body: "Rolling back to v2025.11.3",
    kind: "action",
    pinned: true,
  });
  const draft = await suite.admin.call("POST", `/api/v1/incidents/${incidentId}/updates`, {
    status: "investigating",
    body: "We are investigating failed card payments.",
    notify: false,
  });
  expect(draft.status, JSON.stringify(draft.json)).toBe(201);

  // The demo outage's post-mortem, published with the demo.
  const generated = await suite.admin.call<{ postmortem: { id: string } }>("GET", "/api/v1/incidents/INC-3/postmortem");
  expect(generated.status, JSON.stringify(generated.json)).toBe(200);
  postmortemId = generated.json.postmortem.id;
  resolvedIncidentId = (await suite.admin.incident("INC-3")).id;
  await suite.admin.call("POST", `/api/v1/postmortems/${postmortemId}/action-items`, {
    title: "Canary the router config per region",
    kind: "prevent",
    priority: "high",
    ownerEmail: USERS.responder,
    dueAt: "2099-01-15",
  });

  const summary = (await (await fetch(`${suite.server.baseUrl}/api/v2/incidents.json`)).json()) as { incidents: { id: string }[] };
  publicIncidentId = summary.incidents[0]?.id ?? "";
  expect(publicIncidentId).not.toBe("");

  expect((await suite.admin.call("POST", "/api/v1/subscribers", { email: "reader@example.com" })).status).toBe(201);
});

describe("the public pages", () => {
  it("have no serious or critical violations", async () => {
    const { page } = await suite.newPage("public");
    const survey = axeSurvey(page);
    for (const path of [
      "/status",
      "/status/history",
      `/status/incidents/${publicIncidentId}`,
      "/status/uptime",
      "/status/subscribe",
      "/login",
    ]) {
      await survey.check(path);
    }
    expect(survey.found).toEqual({});
  }, 180_000);

  it("show every status in words, not colour alone", async () => {
    const { page } = await suite.newPage("public-colour");
    await page.goto("/status");
    const banner = page.getByRole("region", { name: "Current status" });
    expect((await banner.innerText()).trim().length).toBeGreaterThan(3);
    // every component row says its status in words
    const rows = await page
      .locator("li[data-component]")
      .evaluateAll((items) => items.map((li) => (li.querySelector(":scope > div, :scope > details > summary")?.textContent ?? "").trim()));
    expect(rows.length).toBeGreaterThan(3);
    const words = /Operational|Degraded performance|Partial outage|Major outage|Under maintenance/;
    expect(rows.filter((text) => !words.test(text))).toEqual([]);
    // every uptime strip says in words what happened (its text alternative), and every stretch of it has a title
    const strips = await page.locator("svg[data-uptime-bars]").evaluateAll((all) =>
      all.map((svg) => ({
        label: svg.getAttribute("aria-label") ?? "",
        untitled: [...svg.querySelectorAll("rect")].filter((r) => !(r.querySelector("title")?.textContent ?? "").trim()).length,
      })),
    );
    expect(strips.length).toBeGreaterThan(3);
    expect(strips.filter((s) => !/last 90 days: .*uptime/.test(s.label) || s.untitled > 0)).toEqual([]);
  }, 120_000);

  for (const [label, viewport, scale] of [
    ["phone", { width: 390, height: 844 }, 3],
    ["200% zoom", { width: 640, height: 450 }, 2],
  ] as const) {
    it(`read at ${label} without scrolling sideways`, async () => {
      const { page } = await suite.newPage(label, undefined, {
        viewport,
        deviceScaleFactor: scale,
        isMobile: label === "phone",
        hasTouch: label === "phone",
      });
      for (const path of ["/status", `/status/incidents/${publicIncidentId}`, "/status/history"]) {
        await page.goto(path);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
        }));
        expect(widths.scroll, `${path} at ${label}`).toBeLessThanOrEqual(widths.view);
      }
      await page.goto("/status");
      const banner = page.getByRole("region", { name: "Current status" });
      expect(await banner.isVisible()).toBe(true);
      const box = await banner.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);
      await screenshot(page, `accessibility--status-${label}`);
      expect(await seriousViolations(page)).toEqual([]);
    }, 180_000);
  }
});

describe("the responders' pages", () => {
  it("have no serious or critical violations", async () => {
    const { page } = await suite.signedInPage("responder", USERS.responder);
    const survey = axeSurvey(page);
    await survey.check("/incidents");
    await survey.check(`/incidents/${incidentId}`, (p) => p.getByTestId("connection").filter({ hasText: "Live" }).waitFor());
    await screenshot(page, "accessibility--room");
    await survey.check("/incidents/new");
    await survey.check(`/incidents/${resolvedIncidentId}/postmortem`);
    await survey.check(`/postmortems/${postmortemId}`);
    await survey.check(`/postmortems/${postmortemId}/edit`, (p) => p.locator(".ProseMirror").first().waitFor());
    await survey.check(`/postmortems/${postmortemId}/review`);
    await survey.check(`/postmortems/${postmortemId}/action-items`);
    await survey.check("/postmortems");
    await survey.check("/action-items");
    await survey.check("/notifications");
    await survey.check("/insights", (p) => p.locator("svg.recharts-surface").first().waitFor());
    await survey.check("/search?q=router");
    await survey.check("/components");
    await survey.check("/maintenance");
    expect(survey.found).toEqual({});
  }, 240_000);

  it("the comms tab has none for the comms lead", async () => {
    const { page } = await suite.signedInPage("comms", USERS.comms);
    const survey = axeSurvey(page);
    await survey.check(`/incidents/${incidentId}/comms`);
    await screenshot(page, "accessibility--comms");
    expect(survey.found).toEqual({});
  }, 120_000);
});

describe("the admin pages", () => {
  it("have no serious or critical violations", async () => {
    const { page } = await suite.signedInPage("admin", USERS.admin);
    const survey = axeSurvey(page);
    for (const path of [
      "/admin/users",
      "/admin/tokens",
      "/admin/settings",
      "/admin/templates",
      "/admin/notices",
      "/admin/postmortem-templates",
      "/admin/subscribers",
      "/admin/outbox",
      "/admin/webhooks",
    ]) {
      await survey.check(path);
    }
    const first = page.getByTestId("outbox-email").first();
    if (await first.count()) {
      await first.click();
      await page.getByTestId("outbox-detail").waitFor();
      await survey.check(new URL(page.url()).pathname);
    }
    expect(survey.found).toEqual({});
  }, 240_000);
});
