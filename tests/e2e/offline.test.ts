// The network drops while someone writes: entries wait in the browser (localStorage) and
// arrive exactly once when it comes back, even across a closed tab or a lost response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  countInTimeline,
  openRoom,
  pendingEntry,
  sendEntry,
  timelineEntry,
  uniqueText,
  USERS,
  waitForLive,
  waitUntil,
} from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { startCuttableLink, type CuttableLink } from "./support/network.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("offline");

// A's way to the app goes through a link that can be cut (see support/network.ts).
let link: CuttableLink;
beforeAll(async () => {
  link = await startCuttableLink(suite.server.port);
});
afterAll(async () => {
  await link?.close();
});

const outboxKey = (incidentId: string) => `incident-desk:outbox:${incidentId}`;
const readOutbox = (page: Page, incidentId: string) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? "[]") as { text: string; idempotencyKey: string }[],
    outboxKey(incidentId),
  );

describe("offline and back", () => {
  it("two entries sent while offline arrive exactly once when the network returns", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Batch jobs stuck in us-east"), severity: "SEV2" });
    const a = await suite.signedInPage("responder", USERS.responder, link.baseUrl);
    const b = await suite.signedInPage("admin", USERS.admin);
    const streamRequests = recordStreamRequests(a.page);
    await openRoom(a.page, incident.id);
    await openRoom(b.page, incident.id);
    const navigationsInA = countNavigations(a.page);

    // A has seen an event, so its stream has a Last-Event-ID to resume from.
    const before = uniqueText("Scheduler lag at 40 min");
    await sendEntry(b.page, before);
    await timelineEntry(a.page, before).waitFor({ timeout: 2_000 });
    const seenSeq = Number(await timelineEntry(a.page, before).getAttribute("data-seq"));

    // Cut A off: the browser goes offline and its open connections (the stream too) drop.
    await a.context.setOffline(true);
    link.cut();
    await a.page
      .getByTestId("connection")
      .filter({ hasText: /Reconnecting/ })
      .waitFor({ timeout: 10_000 });

    const first = uniqueText("Paused the batch scheduler");
    const second = uniqueText("Draining queue shard 7");
    await sendEntry(a.page, first);
    await sendEntry(a.page, second);

    // Both wait in the room as pending entries, and in localStorage.
    for (const text of [first, second]) {
      const pending = pendingEntry(a.page, text);
      await pending.waitFor();
      expect(await pending.textContent()).toMatch(/Not sent yet|Sending…|Waiting to send…/);
    }
    await waitUntil(
      () => pendingEntry(a.page, first).textContent(),
      (t) => /Not sent yet/.test(t ?? ""),
      "the first entry shows it is not sent yet",
      10_000,
    );
    expect((await readOutbox(a.page, incident.id)).map((p) => p.text)).toEqual([first, second]);
    await screenshot(a.page, "offline--pending");

    // Meanwhile B writes; A cannot see it yet.
    const during = uniqueText("Paged the data platform on-call");
    await sendEntry(b.page, during);
    await timelineEntry(b.page, during).waitFor({ timeout: 2_000 });

    // Nothing of A's reached the server, so B sees none of it.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await countInTimeline(suite.admin, incident.id, first)).toBe(0);
    expect(await countInTimeline(suite.admin, incident.id, second)).toBe(0);
    expect(await timelineEntry(b.page, first).count()).toBe(0);
    expect(await timelineEntry(a.page, during).count()).toBe(0);

    link.restore();
    await a.context.setOffline(false);

    // Within 20 s A is live again, both entries arrive once each in both rooms and on the
    // server, in the order typed, and A catches up on what it missed, without a reload.
    await waitForLive(a.page, 20_000);
    for (const [page, texts] of [
      [a.page, [first, second, during]],
      [b.page, [first, second]],
    ] as const) {
      for (const text of texts) await timelineEntry(page, text).waitFor({ timeout: 20_000 });
    }
    await a.page.getByTestId("pending-entry").waitFor({ state: "detached", timeout: 20_000 });
    // Let any late duplicate (a retried POST, a replayed event) show itself before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    for (const page of [a.page, b.page]) {
      for (const text of [before, first, second, during]) expect(await timelineEntry(page, text).count(), text).toBe(1);
    }
    const entries = (await suite.admin.timeline(incident.id)).filter((e) => e.body === first || e.body === second);
    expect(entries.map((e) => e.body)).toEqual([first, second]);
    expect(await readOutbox(a.page, incident.id)).toEqual([]);
    expect(navigationsInA()).toBe(0);

    // The reconnecting stream resumed from the last event A had seen.
    const resumed = streamRequests.filter((r) => r.lastEventId !== undefined);
    expect(resumed.length, JSON.stringify(streamRequests)).toBeGreaterThan(0);
    expect(Number(resumed.at(-1)!.lastEventId)).toBeGreaterThanOrEqual(seenSeq);

    // And it stays live: a new entry from B arrives within 2 s.
    const after = uniqueText("Queue drained");
    await sendEntry(b.page, after);
    await timelineEntry(a.page, after).waitFor({ timeout: 2_000 });
    await screenshot(a.page, "offline--delivered");
    await screenshot(b.page, "offline--other-room");
  });

  it("an entry sent offline survives closing the tab and is delivered once when the room is reopened online", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Console login loop"), severity: "SEV3" });
    const a = await suite.signedInPage("responder", USERS.responder);
    await openRoom(a.page, incident.id);

    await a.context.setOffline(true);
    const text = uniqueText("Cleared the CDN cache for /login");
    await sendEntry(a.page, text);
    await pendingEntry(a.page, text).waitFor();
    expect((await readOutbox(a.page, incident.id)).map((p) => p.text)).toEqual([text]);
    await a.page.close();

    // Still offline, the tab gone: nothing on the server.
    expect(await countInTimeline(suite.admin, incident.id, text)).toBe(0);

    await a.context.setOffline(false);
    const page = await a.context.newPage();
    await page.goto(`/incidents/${incident.id}`);
    await timelineEntry(page, text).waitFor({ timeout: 20_000 });
    await waitForLive(page);
    await page.getByTestId("pending-entry").waitFor({ state: "detached", timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await timelineEntry(page, text).count()).toBe(1);
    expect(await countInTimeline(suite.admin, incident.id, text)).toBe(1);
    expect(await readOutbox(page, incident.id)).toEqual([]);

    // A reload now does not send it again.
    await page.reload();
    await waitForLive(page);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await timelineEntry(page, text).count()).toBe(1);
    expect(await countInTimeline(suite.admin, incident.id, text)).toBe(1);
    await screenshot(page, "offline--reopened");
  });

  it("two tabs of one browser share the outbox, and the entry they both retry is stored once", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Agent sessions dropping"), severity: "SEV3" });
    const a = await suite.signedInPage("responder-tab-1", USERS.responder);
    const tab2 = await a.context.newPage();
    await openRoom(a.page, incident.id);
    await openRoom(tab2, incident.id);

    await a.context.setOffline(true);
    const text = uniqueText("Restarted the session broker");
    await sendEntry(a.page, text);
    await pendingEntry(a.page, text).waitFor();
    // Chromium hands a tab's localStorage write to the other tabs' processes a moment later.
    await expect.poll(async () => (await readOutbox(tab2, incident.id)).map((p) => p.text), { timeout: 5_000 }).toEqual([text]);

    // Back online, both tabs hear "online" and flush the same stored entry (same key).
    await a.context.setOffline(false);
    for (const page of [a.page, tab2]) await timelineEntry(page, text).waitFor({ timeout: 20_000 });
    await a.page.getByTestId("pending-entry").waitFor({ state: "detached", timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    for (const page of [a.page, tab2]) expect(await timelineEntry(page, text).count()).toBe(1);
    expect(await countInTimeline(suite.admin, incident.id, text)).toBe(1);
    expect(await readOutbox(a.page, incident.id)).toEqual([]);
  });

  it("a response lost after the server stored the entry is retried without doubling it", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Embeddings 5xx"), severity: "SEV4" });
    const a = await suite.signedInPage("responder", USERS.responder);
    await openRoom(a.page, incident.id);

    // The first POST reaches the server, but the browser never sees the answer.
    let posts = 0;
    await a.page.route(`**/api/v1/incidents/${incident.id}/timeline`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      posts++;
      if (posts === 1) {
        const response = await route.fetch();
        expect(response.status()).toBe(201);
        return route.abort("connectionreset");
      }
      return route.continue();
    });

    const text = uniqueText("Raised the embeddings pool to 40");
    await sendEntry(a.page, text);
    await timelineEntry(a.page, text).waitFor({ timeout: 20_000 });
    await a.page.getByTestId("pending-entry").waitFor({ state: "detached", timeout: 20_000 });
    expect(posts).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await timelineEntry(a.page, text).count()).toBe(1);
    expect(await countInTimeline(suite.admin, incident.id, text)).toBe(1);
  });
});

/**
 * The room's event-stream requests, with the sequence each resumes after: the Last-Event-ID
 * the browser adds on its own retries, or the `after` the room sets when it reopens the stream.
 */
function recordStreamRequests(page: Page): { url: string; lastEventId: string | undefined }[] {
  const seen: { url: string; lastEventId: string | undefined }[] = [];
  page.on("request", (request) => {
    if (!/\/api\/v1\/incidents\/[^/]+\/events/.test(request.url())) return;
    const after = new URL(request.url()).searchParams.get("after");
    const row = { url: request.url(), lastEventId: after && after !== "0" ? after : (undefined as string | undefined) };
    seen.push(row);
    void request.allHeaders().then(
      (headers) => (row.lastEventId = headers["last-event-id"] ?? row.lastEventId),
      () => {},
    );
  });
  return seen;
}

function countNavigations(page: Page): () => number {
  let count = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) count++;
  });
  return () => count;
}
