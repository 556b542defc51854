// Issue 14 item 7 in Chromium: a declared SEV1 counts down to its first public update in the room's
// status line, live and on the server's clock; once overdue it prompts "Draft it now" (only for roles
// that may draft), which lands on a prefilled draft; a status change asks "Tell customers?".
// Screenshots: test-results/e2e/first-update--*.png.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openProbe } from "../setup/database-probe.ts";
import { signIn, uniqueText, USERS, waitForLive } from "./support/app.ts";
import { screenshot, waitForHydration } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const MINUTE = 60_000;
// a database this file can reach, to put the declaration back as if it were 14 minutes ago
const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), "first-update-e2e-")), "app.db")}`;
const suite = useSuite("first-update", { env: { DATABASE_URL: databaseUrl } });
const probe = () => openProbe(databaseUrl);

describe("the first public update in the room", () => {
  it("counts down live from a SEV1's declaration, prompts once overdue, and the prompt lands on a prefilled draft", async () => {
    const { components } = (
      await suite.admin.call<{ components: { id: string; name: string; group: boolean }[] }>("GET", "/api/v1/components")
    ).json;
    const messages = components.find((c) => c.name === "Messages" && !c.group)!;
    const { page } = await suite.newPage("responder");
    // the browser's clock is the page's to move; the server's stays the machine's
    await page.clock.install();
    await signIn(page, USERS.responder);

    await page.goto("/incidents/new");
    const title = uniqueText("Messages fail to send");
    await page.getByLabel("What is happening?").fill(title);
    await page.getByLabel("Severity").selectOption("SEV1");
    await page.locator(`select[name="impact:${messages.id}"]`).selectOption("major_outage");
    await page.getByRole("button", { name: "Declare incident" }).click();
    await page.waitForURL((url) => /^\/incidents\/[^/]+$/.test(url.pathname) && url.pathname !== "/incidents/new", { timeout: 20_000 });
    const id = new URL(page.url()).pathname.split("/").pop()!;
    await waitForLive(page);
    await waitForHydration(page);

    const line = page.getByTestId("first-update");
    await line.filter({ hasText: /^First public update due in (10|9) min$/ }).waitFor();
    const header = page.locator("main header").first();
    const before = (await header.boundingBox())!.height;
    await screenshot(page, "first-update--room-counting");

    // Fourteen minutes on, without a reload: the countdown has become the prompt.
    await page.clock.fastForward(14 * MINUTE);
    await line.filter({ hasText: /^First public update is [34] min overdue — Draft it now$/ }).waitFor();
    expect(await line.getAttribute("data-state")).toBe("overdue");
    // one line: the header grows by no more than the prompt's padding
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(before + 4);
    await screenshot(page, "first-update--room-overdue");

    // A reload with the browser's clock still 14 minutes fast: the server's clock decides, so it is due again.
    expect(await page.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + 13 * MINUTE);
    await page.reload();
    await waitForHydration(page);
    await line.filter({ hasText: /^First public update due in (10|9) min$/ }).waitFor();
    await page.waitForTimeout(1_500);
    expect(await line.innerText()).toMatch(/^First public update due in (10|9) min$/);

    // Declared 14 minutes ago on the server too: overdue right after a reload.
    const db = probe();
    await db.execute(`UPDATE "Incident" SET "createdAt" = ? WHERE "id" = ?`, new Date(Date.now() - 14 * MINUTE - 5_000), id);
    await db.close();
    await page.reload();
    await waitForHydration(page);
    await line.filter({ hasText: /^First public update is 4 min overdue — Draft it now$/ }).waitFor();

    // A viewer sees the prompt without the action.
    const viewer = (await suite.signedInPage("viewer", USERS.viewer)).page;
    await viewer.goto(`/incidents/${id}`);
    await viewer
      .getByTestId("first-update")
      .filter({ hasText: /^First public update is 4 min overdue$/ })
      .waitFor();
    expect(await viewer.getByTestId("first-update").getByRole("link").count()).toBe(0);
    await screenshot(viewer, "first-update--room-viewer");

    await line.getByRole("link", { name: "Draft it now" }).click();
    await page.waitForURL((url) => url.pathname === `/incidents/${id}/comms` && url.searchParams.get("status") === "investigating");
    const composer = page.getByRole("form", { name: "New status-page update" });
    expect(await composer.getByLabel("Status", { exact: true }).inputValue()).toBe("investigating");
    const body = await composer.getByRole("textbox", { name: "Message" }).inputValue();
    expect(body).toMatch(/^We are investigating/);
    expect(body).toContain("Messages");
    await screenshot(page, "first-update--draft");
  });

  it("asks 'Tell customers?' after a status change in the room, with the draft of that status", async () => {
    const { components } = (
      await suite.admin.call<{ components: { id: string; name: string; group: boolean }[] }>("GET", "/api/v1/components")
    ).json;
    const messages = components.find((c) => c.name === "Messages" && !c.group)!;
    const incident = await suite.admin.createIncident({
      title: uniqueText("Messages are slow"),
      severity: "SEV2",
      components: [{ id: messages.id, impact: "degraded_performance" }],
    });
    const { page } = await suite.signedInPage("responder-status", USERS.responder);
    await page.goto(`/incidents/${incident.id}`);
    await waitForLive(page);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Cause identified" }).click();
    const ask = page.getByTestId("tell-customers");
    await ask.filter({ hasText: "Now identified. Tell customers? Draft the Identified update" }).waitFor();
    await screenshot(page, "first-update--tell-customers");
    await ask.getByRole("link", { name: "Draft the Identified update" }).click();
    await page.waitForURL((url) => url.pathname === `/incidents/${incident.id}/comms` && url.searchParams.get("status") === "identified");
    const composer = page.getByRole("form", { name: "New status-page update" });
    expect(await composer.getByLabel("Status", { exact: true }).inputValue()).toBe("identified");
    expect(await composer.getByRole("textbox", { name: "Message" }).inputValue()).toMatch(/identified/i);

    // Published (here through the API): the countdown goes from the open page without a reload.
    const line = page.getByTestId("first-update");
    await line.filter({ hasText: /^First public update due in (20|19) min$/ }).waitFor();
    const published = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/updates`, {
      status: "identified",
      publish: true,
      components: [{ id: messages.id, status: "degraded_performance" }],
    });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    await line.waitFor({ state: "detached" });
    // the status page's status is in the header's details (decision 0044)
    await page.getByTestId("incident-details").locator("summary").first().click();
    await page.getByTestId("public-status").filter({ hasText: "Identified" }).waitFor();
  });
});
