// The incident room from the keyboard alone: "?" lists the keys, "c" writes in the timeline,
// "p" pins the last entry, "s" reaches the status controls, Ctrl+K opens a palette that
// takes the responder to the comms tab, and "t" brings them back.
import { describe, expect, it } from "vitest";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("room-keyboard");

describe("the incident room's keys", () => {
  it("let a responder write, pin, reach the status and switch tabs without the mouse", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Webhook deliveries delayed"), severity: "SEV3" });
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await page.goto(`/incidents/${incident.id}`);
    await page.getByTestId("connection").filter({ hasText: "Live" }).waitFor();

    await page.keyboard.press("?");
    const help = page.getByTestId("keyboard-help");
    await help.waitFor();
    expect(await help.textContent()).toContain("Pin the last entry");
    await screenshot(page, "room-keyboard--help");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });

    await page.keyboard.press("c");
    await waitUntil(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")), (t) => t === "composer", "the composer to have focus");
    const text = uniqueText("Queue depth back under 1k");
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    const entry = page.getByTestId("timeline-entry").filter({ hasText: text });
    await entry.waitFor();

    // Leave the editor (Tab moves to the Send button), then pin the last entry.
    await page.keyboard.press("Tab");
    await page.keyboard.press("p");
    await entry.getByText("Pinned", { exact: true }).waitFor();

    await page.keyboard.press("s");
    const focused = await page.evaluate(() => ({ label: document.activeElement?.closest("section")?.getAttribute("aria-label"), text: document.activeElement?.textContent }));
    expect(focused.label).toBe("Status");

    await page.keyboard.press("Control+k");
    const palette = page.getByTestId("command-palette");
    await palette.waitFor();
    await page.keyboard.type("comms");
    await screenshot(page, "room-keyboard--palette");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/comms$/);
    await page.getByRole("heading", { name: "Drafts and approvals" }).waitFor();
    await page.keyboard.press("t");
    await page.waitForURL(new RegExp(`/incidents/${incident.id}$`));

    const stored = await suite.admin.call<{ entries: { body: string; pinned: boolean }[] }>("GET", `/api/v1/incidents/${incident.id}/timeline`);
    expect(stored.json.entries.find((e) => e.body === text)?.pinned).toBe(true);
  });
});
