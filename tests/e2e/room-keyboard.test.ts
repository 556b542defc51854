// The incident room from the keyboard alone: "?" lists the keys, "c" writes in the timeline,
// "p" pins the last entry, "s" reaches the status controls, Ctrl+K opens a palette that
// takes the responder to the comms tab, and "t" brings them back. And Tab alone reaches every
// control a mouse can use, in reading order, each with a visible focus ring.
import { describe, expect, it } from "vitest";
import { sendEntry, uniqueText, USERS, waitUntil } from "./support/app.ts";
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
    await waitUntil(
      () => page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
      (t) => t === "composer",
      "the composer to have focus",
    );
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
    const focused = await page.evaluate(() => ({
      label: document.activeElement?.closest("section")?.getAttribute("aria-label"),
      text: document.activeElement?.textContent,
    }));
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

    const stored = await suite.admin.call<{ entries: { body: string; pinned: boolean }[] }>(
      "GET",
      `/api/v1/incidents/${incident.id}/timeline`,
    );
    expect(stored.json.entries.find((e) => e.body === text)?.pinned).toBe(true);
  });

  it("reaches every control of the room with Tab alone, each with a visible focus ring, in reading order", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Tab order check"), severity: "SEV3" });
    const { page } = await suite.signedInPage("tabbing", USERS.responder);
    await page.goto(`/incidents/${incident.id}`);
    await page.getByTestId("connection").filter({ hasText: "Live" }).waitFor();
    await sendEntry(page, uniqueText("Error rate falling"));
    // Start as a reader arriving does: at the top of a freshly loaded room.
    await page.reload();
    await page.getByTestId("connection").filter({ hasText: "Live" }).waitFor();

    // What a mouse user can operate in the room (main), visible and enabled.
    const operable = await page.locator("main").evaluate((main) =>
      [...main.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [contenteditable=true], [tabindex]")]
        // (inside a closed <details>, only its summary is there to operate)
        // A native control taken out of the Tab order (tabindex=-1) still counts: a mouse can use it.
        .filter(
          (el) =>
            (el.tabIndex >= 0 || el.matches("a[href], button, input, select, textarea, summary")) &&
            !(el as HTMLButtonElement).disabled &&
            el.checkVisibility({ visibilityProperty: true }) &&
            !(el.closest("details:not([open])") && el.tagName !== "SUMMARY"),
        )
        .map((el, i) => (el.dataset.tabWalk = String(i))),
    );
    expect(operable.length).toBeGreaterThan(10);

    // Tab from the top of the page until focus leaves the room; note each stop and its ring.
    const stops: { walk: string | null; ring: boolean; top: number; what: string }[] = [];
    let left: unknown = null;
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // The ring is on the element, or on the box around it (an editor's frame lights up with focus-within).
        const ringed = (node: Element | null) => {
          if (!node) return false;
          const style = getComputedStyle(node);
          return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
        };
        const ring = ringed(el) || ringed(el.parentElement) || ringed(el.parentElement?.parentElement ?? null);
        return {
          walk: el.dataset.tabWalk ?? null,
          inMain: !!el.closest("main"),
          ring,
          top: el.getBoundingClientRect().top + window.scrollY,
          what: `${el.tagName} ${el.textContent?.slice(0, 40)}`,
        };
      });
      if (!stop) break;
      if (stop.inMain) stops.push(stop);
      else if (stops.length) {
        left = stop;
        break; // past the room
      }
    }
    const reached = new Set(stops.map((s) => s.walk));
    expect(
      operable.filter((w) => !reached.has(w)),
      `controls Tab never reaches (stops ${stops.map((s) => s.walk).join(" ")}; left the room at ${JSON.stringify(left)})`,
    ).toEqual([]);
    expect(
      stops.filter((s) => !s.ring).map((s) => `${s.walk}: ${s.what}`),
      "focused without a visible ring",
    ).toEqual([]);
    // Tab follows the page's reading order (no tabindex jumps): header, status, timeline, entries.
    const order = stops.filter((s) => s.walk !== null).map((s) => Number(s.walk));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
