// The insights page in Chromium with the demo data: its four charts are drawn, every figure
// leads to the incidents behind it, and without JavaScript the tables and the filters still
// work. Screenshots go to test-results/e2e/insights--*.png.
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, USERS } from "./support/app.ts";
import { screenshot, watchConsole } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("insights");
const day = (offset: number) => new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe("insights", () => {
  beforeAll(async () => {
    // The demo's action items are all ahead of their dates: give the global outage's post-mortem two more, one overdue.
    const generated = await suite.admin.call<{ postmortem: { id: string } }>("GET", "/api/v1/incidents/INC-3/postmortem");
    expect(generated.status, JSON.stringify(generated.json)).toBe(200);
    for (const item of [
      { title: "Canary router configuration per region", kind: "prevent", priority: "high", ownerEmail: USERS.responder, dueAt: day(-3) },
      { title: "Alert on the control plane's queue depth", kind: "mitigate", priority: "medium", ownerEmail: USERS.admin, dueAt: day(20) },
    ]) {
      const created = await suite.admin.call("POST", `/api/v1/postmortems/${generated.json.postmortem.id}/action-items`, item);
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
  });

  it("draws its charts from the demo data and links a figure to its incidents", async () => {
    const { page } = await suite.signedInPage("viewer", USERS.viewer);
    const errors = watchConsole(page, "insights");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
    await page.getByRole("heading", { name: "Insights", level: 1 }).waitFor();

    const chart = (id: string) => page.getByTestId(`chart-${id}`);
    // Drawn in the browser: an SVG surface per chart, with the shapes of the data in it.
    for (const id of ["incidents-per-week", "time-to-per-month", "uptime", "action-items"]) {
      await chart(id).locator("svg.recharts-surface").first().waitFor();
    }
    await expect
      .poll(() => chart("incidents-per-week").locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect").count())
      .toBeGreaterThanOrEqual(5);
    expect(await chart("time-to-per-month").locator("path.recharts-line-curve").count()).toBe(4);
    expect(await chart("uptime").locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    expect(await chart("action-items").locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    // The drawings are hidden from screen readers; the tables beside them hold the figures.
    expect(await chart("uptime").locator("[aria-hidden=true] svg").count()).toBeGreaterThan(0);
    expect(await chart("uptime").locator("details table").count()).toBe(1);

    const headline = page.getByTestId("headline").filter({ hasText: "Incidents" }).first();
    expect(await headline.innerText()).toMatch(/Incidents\s+5/);
    expect(await page.getByTestId("headline").filter({ hasText: "Action items open past due" }).innerText()).toContain("1");
    await screenshot(page, "insights--page");

    // The SEV1 median time to resolve leads to the one SEV1 incident, the global outage.
    const link = page.getByRole("row").filter({ hasText: "SEV1" }).locator("a[data-figure='timeTo.resolve.SEV1']");
    expect(await link.innerText()).toBe("5h 38m");
    await link.click();
    await page.waitForURL(/\/insights\/incidents\?.*figure=timeTo\.resolve\.SEV1/);
    await page.getByRole("heading", { name: "Time to resolve · SEV1" }).waitFor();
    const rows = page.getByTestId("figure-incident");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain("INC-3");
    expect(await rows.first().innerText()).toContain("Chat and API unavailable worldwide");
    await screenshot(page, "insights--figure-incidents");
    await rows.first().getByRole("link").click();
    await page.waitForURL(/\/incidents\/[0-9a-z]+$/);

    expect(errors).toEqual([]);
  });

  it("shows every table and filters without JavaScript", async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.server.baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
      timezoneId: "UTC",
      locale: "en-GB",
    });
    try {
      const page = await context.newPage();
      await signIn(page, USERS.viewer);
      await page.goto("/insights");
      // No chart without JavaScript, but the tables are open.
      expect(await page.locator("svg.recharts-surface").count()).toBe(0);
      const openTables = page.locator("details[open] table");
      expect(await openTables.count()).toBe(4);
      await page.getByLabel("Severity").selectOption("SEV1");
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForURL(/severity=SEV1/);
      expect(await page.getByTestId("headline").first().innerText()).toMatch(/Incidents\s+1/);
      await screenshot(page, "insights--no-javascript");
    } finally {
      await context.close();
    }
  });
});
