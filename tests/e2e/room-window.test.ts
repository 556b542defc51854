// A long incident in Chromium: the room opens on the newest entries, "Show earlier entries" brings
// the older ones in above without moving what the reader was looking at, and a link to an old
// entry (`#entry-N`, as post-mortems and search write them) opens the room on that entry.
import { describe, expect, it } from "vitest";
import { inParallel } from "../setup/delivery-helpers.ts";
import { timelineEntry, uniqueText, USERS, waitForLive, waitUntil } from "./support/app.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("room-window");
const ENTRIES = 600;

/** An incident with ENTRIES entries posted after its declaration (its first entry), and the seq of each posted one by its number. */
async function longIncident(): Promise<{ id: string; ref: string; seqOf: (n: number) => number; label: string }> {
  const label = uniqueText("Step");
  const incident = await suite.admin.createIncident({ title: uniqueText("Payments retries piling up"), severity: "SEV2" });
  const seqs = new Map<number, number>();
  await inParallel(
    Array.from({ length: ENTRIES }, (_, i) => i + 1),
    4,
    async (n) => {
      const res = await suite.admin.call<{ entry: { seq: number } }>("POST", `/api/v1/incidents/${incident.id}/timeline`, {
        body: `${label} #${n}.`,
        idempotencyKey: `${label}-${n}`,
      });
      if (res.status !== 201) throw new Error(`POST entry ${n}: ${res.status}`);
      seqs.set(n, res.json.entry.seq);
    },
  );
  // entries are numbered in the order they were stored
  const ordered = [...seqs.values()].sort((a, b) => a - b);
  return { ...incident, seqOf: (n) => ordered[n - 1]!, label };
}

describe("a long timeline in the room", () => {
  it(
    "opens on the newest entries, loads earlier ones in place, and opens on an old entry from its link",
    { timeout: 300_000 },
    async () => {
      const incident = await longIncident();
      const entryText = (n: number) => `${incident.label} #${n}.`;
      const { page } = await suite.signedInPage("responder", USERS.responder);
      await page.goto(`/incidents/${incident.id}`);
      await waitForLive(page);

      // The newest 200 are there, the newest at the bottom next to the composer; the first is not.
      const entries = page.getByTestId("timeline-entry");
      expect(await entries.count()).toBe(200);
      expect(await page.locator(`#entry-${incident.seqOf(ENTRIES)}`).innerText()).toContain(entryText(ENTRIES));
      expect(await page.locator(`#entry-${incident.seqOf(1)}`).count()).toBe(0);
      const earlier = page.getByTestId("show-earlier");
      expect(await page.getByText("401 entries written earlier, not shown").count()).toBe(1);

      // Scroll to the top of the timeline, note where its first entry is, load the earlier page.
      await earlier.scrollIntoViewIfNeeded();
      const first = page.locator(`#entry-${incident.seqOf(401)}`);
      const before = (await first.boundingBox())!;
      // (the whole page of 200 entries is too tall for screenshot(); the part the reader sees)
      await page.screenshot({ path: "test-results/e2e/room-window--earlier-control-viewport.png" });
      await earlier.click();
      await waitUntil(
        () => entries.count(),
        (n) => n === 400,
        "the earlier page to be in the room",
      );
      expect(await page.locator(`#entry-${incident.seqOf(201)}`).innerText()).toContain(entryText(201));
      expect(await page.getByText("201 entries written earlier, not shown").count()).toBe(1);
      // what the reader was looking at stayed where it was on the screen
      const after = (await first.boundingBox())!;
      expect(Math.abs(after.y - before.y)).toBeLessThan(2);
      await page.waitForTimeout(200);
      await page.screenshot({ path: "test-results/e2e/room-window--after-show-earlier-viewport.png" });

      // Live entries still arrive at the bottom of the partial list.
      const live = uniqueText("Retries drained");
      await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: live });
      await timelineEntry(page, live).waitFor();

      // A link to the 20th entry, far outside what the room holds: the room reopens around it.
      const old = incident.seqOf(20);
      await page.goto(`/incidents/${incident.ref}#entry-${old}`);
      await page.waitForURL((url) => url.searchParams.get("entry") === String(old) && url.hash === `#entry-${old}`);
      const target = page.locator(`#entry-${old}`);
      await target.waitFor();
      await waitForLive(page);
      expect(await target.innerText()).toContain(entryText(20));
      expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
      const box = (await target.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(page.viewportSize()!.height);
      // from its start: nothing earlier, the rest later, and what is written now is counted there
      expect(await page.getByTestId("show-earlier").count()).toBe(0);
      await page.getByText("402 entries written later, not shown").waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: "test-results/e2e/room-window--old-entry-viewport.png" });
      await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: uniqueText("Payments queue empty") });
      await page.getByText("403 entries written later, not shown").waitFor();

      // "Show later entries" continues from there.
      await page.getByTestId("show-later").click();
      await waitUntil(
        () => entries.count(),
        (n) => n === 400,
        "the later page to be in the room",
      );
      expect(await page.getByText("203 entries written later, not shown").count()).toBe(1);
    },
  );
});
