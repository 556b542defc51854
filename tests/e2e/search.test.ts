// Search from the main navigation in Chromium: a phrase from the demo outage's timeline is
// found with its words highlighted, and opening it lands in the incident room on that entry
// (scrolled to, :target). Then the same without JavaScript.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signIn, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { repoRoot } from "./support/server.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("search");
const PHRASE = "rollback blocked";

/** The demo outage and the seq of its entry that starts with the phrase, through the API. */
async function demoEntry(): Promise<{ ref: string; seq: number }> {
  const listed = await suite.admin.call<{ incidents: { id: string; ref: string }[] }>(
    "GET",
    `/api/v1/incidents?q=${encodeURIComponent("Chat and API unavailable worldwide")}`,
  );
  const outage = listed.json.incidents[0]!;
  const timeline = await suite.admin.timeline(outage.id);
  const entry = timeline.find((e: { body: string }) => e.body.startsWith("Rollback blocked"))!;
  return { ref: outage.ref, seq: entry.seq };
}

async function searchFromNav(page: Page, text: string) {
  const box = page.getByRole("searchbox", { name: "Search" });
  await box.fill(text);
  await box.press("Enter");
  await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === text);
}

describe("search", () => {
  it("finds a phrase from the demo outage's timeline, highlighted, and opens the entry in the room", async () => {
    const { ref, seq } = await demoEntry();
    const { page } = await suite.signedInPage("viewer", USERS.viewer);
    await page.goto("/incidents");
    await searchFromNav(page, PHRASE);

    const first = page.getByTestId("search-result").first();
    await first.waitFor();
    expect(await first.locator("mark").allInnerTexts()).toEqual(["Rollback blocked"]);
    expect(await first.innerText()).toContain(`${ref} Chat and API unavailable worldwide`);
    expect(await first.innerText()).toContain("stuck in PENDING");
    // the box keeps what was searched
    expect(await page.getByRole("searchbox", { name: "Search" }).inputValue()).toBe(PHRASE);
    await screenshot(page, "search--results");

    await first.getByRole("link").click();
    await page.waitForURL((url) => url.pathname === `/incidents/${ref}` && url.hash === `#entry-${seq}`);
    const entry = page.locator(`#entry-${seq}`);
    await entry.waitFor();
    expect(await entry.innerText()).toContain("Rollback blocked");
    expect(await entry.evaluate((el) => el.matches(":target"))).toBe(true);
    // scrolled to: the entry is within the window, and shows the :target outline
    const box = (await entry.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(viewport.height);
    expect(await entry.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
    await page.waitForTimeout(300);
    // what the reader sees on landing (screenshot() takes the whole page)
    await page.screenshot({ path: path.join(repoRoot, "test-results", "e2e", "search--entry-in-room-viewport.png") });
  });

  it("works without JavaScript", async () => {
    const { ref, seq } = await demoEntry();
    const context = await suite.browser.newContext({
      baseURL: suite.server.baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
      timezoneId: "UTC",
    });
    try {
      const page = await context.newPage();
      await signIn(page, USERS.responder);
      await page.goto("/postmortems");
      await searchFromNav(page, `"${PHRASE}"`);
      const first = page.getByTestId("search-result").first();
      expect(await first.locator("mark").allInnerTexts()).toEqual(["Rollback blocked"]);
      expect(await first.getByRole("link").getAttribute("href")).toBe(`/incidents/${ref}?entry=${seq}#entry-${seq}`);
      await screenshot(page, "search--no-javascript");
    } finally {
      await context.close();
    }
  });
});
