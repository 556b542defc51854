// Leadership reads INC-3's post-mortem (the demo's, published; three action items are added here)
// in Chromium: on a desktop and a phone, then printed to PDF (no navigation or buttons, black on
// white, several pages that say what the page says),
// and finds it in the list with filters that work without JavaScript. Screenshots, the PDF
// and (when poppler's pdftoppm is installed) its first pages as PNG go to test-results/e2e/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { pdfPages } from "./support/pdf-text.ts";
import { repoRoot } from "./support/server.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("postmortem-read");
const shots = path.join(repoRoot, "test-results", "e2e");
const TITLE = "INC-3: Chat and API unavailable worldwide";

function pdftoppm(): string | null {
  for (const candidate of ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"]) if (existsSync(candidate)) return candidate;
  return null;
}

describe("the leadership page of a post-mortem", () => {
  let id = "";
  let open = 0;
  beforeAll(async () => {
    type Demo = { postmortem: { id: string; actionItems: { state: string }[] } };
    const demo = await suite.admin.call<Demo>("GET", "/api/v1/incidents/INC-3/postmortem");
    expect(demo.status, JSON.stringify(demo.json)).toBe(200);
    id = demo.json.postmortem.id;
    open = demo.json.postmortem.actionItems.filter((a) => a.state === "open" || a.state === "in_progress").length + 3;
    for (const item of [
      {
        title: "Canary router configuration per region before a fleet-wide push",
        kind: "prevent",
        priority: "high",
        ownerEmail: USERS.responder,
        dueAt: "2026-01-15",
        trackerUrl: "https://tracker.example/browse/OPS-812",
      },
      {
        title: "Alert on the configuration control plane's queue depth",
        kind: "mitigate",
        priority: "medium",
        ownerEmail: USERS.admin,
        dueAt: "2099-03-01",
      },
      { title: "Break-glass rollback drill every quarter", kind: "process", priority: "low" },
    ]) {
      const created = await suite.admin.call("POST", `/api/v1/postmortems/${id}/action-items`, item);
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
  });

  it("reads well on a desktop and on a phone, with the numbers first", async () => {
    const { page } = await suite.signedInPage("admin", USERS.admin);
    await page.goto(`/postmortems/${id}`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    expect(await page.getByTestId("duration").innerText()).toContain("5h 38m");
    expect(await page.getByTestId("customer-facing").innerText()).toMatch(/major outage/);
    await page.getByRole("heading", { name: "Key moments" }).waitFor();
    expect(await page.getByTestId("key-moment").count()).toBeGreaterThan(5);
    expect(await page.getByTestId("postmortem-section").count()).toBe(9);
    expect(await page.getByTestId("action-item").filter({ hasText: "Canary router" }).innerText()).toMatch(/Overdue by \d+ days/);
    await page.getByRole("link", { name: "Edit" }).waitFor();
    await page.getByRole("link", { name: "Markdown" }).waitFor();
    await page.getByRole("button", { name: "Print or save as PDF" }).waitFor();
    await screenshot(page, "postmortem-read--desktop");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await screenshot(page, "postmortem-read--phone");
  });

  it("prints to a clean PDF: no navigation or buttons, several pages, the title and the numbers in the text", async () => {
    const { page } = await suite.signedInPage("print", USERS.admin);
    await page.goto(`/postmortems/${id}`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();

    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "Edit" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(false);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(255, 255, 255)");
    await screenshot(page, "postmortem-read--print-media");

    const pdf = await page.pdf({ format: "A4" });
    mkdirSync(shots, { recursive: true });
    const file = path.join(shots, "postmortem-read--print.pdf");
    writeFileSync(file, pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(TITLE);
    expect(pages[0]).toContain("Headline numbers");
    expect(pages[0]).toContain("5h 38m");
    const all = pages.join("\n");
    for (const heading of ["Key moments", "Summary", "Root cause and trigger", "Lessons learned", "Action items"])
      expect(all).toContain(heading);
    expect(all).not.toContain("Print or save as PDF");
    expect(all).not.toContain("Sign out");
    // A heading never ends a page.
    for (const text of pages.slice(0, -1)) expect(text).not.toMatch(/(Key moments|Action items|Customer communication)$/);

    const render = pdftoppm();
    if (render) execFileSync(render, ["-png", "-r", "60", "-f", "1", "-l", "3", file, path.join(shots, "postmortem-read--pdf-page")]);
  });

  it("lists it with filters that work without JavaScript", async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.server.baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel(/e-?mail/i).fill(USERS.viewer);
      await page.getByLabel(/password/i).fill("demo-password-2026");
      await page.getByRole("button", { name: /sign in/i }).click();
      await page.waitForURL((url) => url.pathname !== "/login");
      await page.goto("/postmortems");
      await page.getByTestId("postmortem-row").filter({ hasText: "INC-3" }).waitFor();
      await page.getByLabel("Severity").selectOption("SEV2");
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/severity=SEV2/);
      expect(await page.getByTestId("postmortem-row").count()).toBe(0);
      await page.getByLabel("Severity").selectOption("SEV1");
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/severity=SEV1/);
      expect(await page.getByTestId("postmortem-row").count()).toBe(1);
      expect(await page.getByTestId("postmortem-row").innerText()).toMatch(new RegExp(`INC-3[^]*SEV1[^]*Published[^]*\\b${open}\\b`));
      await screenshot(page, "postmortem-read--list");
      await page.getByRole("link", { name: /INC-3/ }).click();
      await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
