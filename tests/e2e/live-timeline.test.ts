// Two people in one room: what one writes appears for the other without a reload.
import { describe, expect, it } from "vitest";
import { openRoom, sendEntry, timelineEntry, uniqueText, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("live-timeline");

describe("live timeline", () => {
  it("an entry typed in one context appears in the other within 2 s, both ways", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Streaming latency in eu-west"), severity: "SEV3" });
    const a = await suite.signedInPage("responder", USERS.responder);
    const b = await suite.signedInPage("admin", USERS.admin);
    await openRoom(a.page, incident.id);
    await openRoom(b.page, incident.id);
    const navigationsInB = countNavigations(b.page);
    const navigationsInA = countNavigations(a.page);

    const first = uniqueText("Rolled back the streaming deploy");
    await sendEntry(a.page, first);
    const sentAt = Date.now();
    await timelineEntry(b.page, first).waitFor({ timeout: 2_000 });
    const arrivedAfterMs = Date.now() - sentAt;
    expect(arrivedAfterMs).toBeLessThan(2_000);
    expect(await timelineEntry(b.page, first).textContent()).toContain("Dana Whitfield");
    await timelineEntry(a.page, first).waitFor({ timeout: 2_000 });

    const second = uniqueText("Error rate back under 0.1%");
    await sendEntry(b.page, second);
    await timelineEntry(a.page, second).waitFor({ timeout: 2_000 });
    expect(await timelineEntry(a.page, second).textContent()).toContain("Priya Raman");
    await timelineEntry(b.page, second).waitFor({ timeout: 2_000 });

    // Each text once in each room, nothing left pending, and no page was reloaded.
    for (const page of [a.page, b.page]) {
      expect(await timelineEntry(page, first).count()).toBe(1);
      expect(await timelineEntry(page, second).count()).toBe(1);
      expect(await page.getByTestId("pending-entry").count()).toBe(0);
    }
    expect(navigationsInA()).toBe(0);
    expect(navigationsInB()).toBe(0);

    // The server kept each once, in the order they were written.
    const entries = await suite.admin.timeline(incident.id);
    const mine = entries.filter((e) => e.body === first || e.body === second);
    expect(mine.map((e) => e.body)).toEqual([first, second]);
    expect(mine[0].seq).toBeLessThan(mine[1].seq);

    await screenshot(a.page, "live-timeline--responder");
    await screenshot(b.page, "live-timeline--admin");
  });
});

function countNavigations(page: import("playwright-core").Page): () => number {
  let count = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) count++;
  });
  return () => count;
}
