// Script in an entry's text is shown as text in the room, never run: from the API, live over
// the stream, after a reload, and with links limited to http(s) and mailto.
import { describe, expect, it } from "vitest";
import { openRoom, sendEntry, timelineEntry, uniqueText, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("script-as-text");

const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss = 'img'">`,
  `<svg onload="window.__xss = 'svg'"></svg>`,
  `[click me](javascript:window.__xss='link')`,
  `[data link](data:text/html,<script>window.__xss='data'</script>)`,
];

describe("script in timeline entries", () => {
  it("is shown as literal text and never runs, live and after a reload", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Suspicious payloads"), severity: "SEV4" });
    const responder = await suite.signedInPage("responder", USERS.responder);
    await openRoom(responder.page, incident.id);

    const marker = uniqueText("payload");
    // Through the API while the room is open (arrives over the stream) …
    const throughApi = PAYLOADS.slice(0, 4);
    const typed = PAYLOADS.slice(3);
    for (const payload of throughApi) {
      const res = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: `${marker} ${payload}` });
      expect(res.status).toBe(201);
    }
    // … and typed into the composer.
    for (const payload of typed) await sendEntry(responder.page, `${marker} ${payload}`);

    const check = async () => {
      await expect.poll(() => timelineEntry(responder.page, marker).count(), { timeout: 10_000 }).toBe(throughApi.length + typed.length);
      const texts = await timelineEntry(responder.page, marker).allTextContents();
      expect(texts.some((t) => t.includes(`<script>window.__xss = "script"</script>`))).toBe(true);
      expect(texts.some((t) => t.includes(`<img src=x onerror=`))).toBe(true);
      const room = responder.page.getByRole("list", { name: "Timeline entries" });
      expect(await room.locator("script, img, svg").count()).toBe(0);
      const hrefs = await room.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.filter((h) => !/^(https?:|mailto:)/.test(h))).toEqual([]);
      expect(await responder.page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    };
    await check();
    await responder.page.reload();
    await check();
    await screenshot(responder.page, "script-as-text");
  });
});
