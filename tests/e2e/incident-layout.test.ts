// Issue 15 item 5 and issue 14 item 11 (decision 0044): the incident is one layout. Its tabs share
// one compact header and one event stream, so a tab switch neither reconnects nor misses an event.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openRoom, timelineEntry, uniqueText, USERS, waitForLive } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("incident-layout");

/** The event streams the page asked the server for. */
function countStreams(page: Page): () => string[] {
  const streams: string[] = [];
  page.on("request", (r) => {
    if (/\/api\/v1\/incidents\/[^/]+\/events/.test(r.url())) streams.push(r.url());
  });
  return () => streams;
}

/** Full page loads (a client-side tab switch is none). */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on("domcontentloaded", () => loads++);
  return () => loads;
}

describe("the incident as a layout", () => {
  it("keeps the one stream across room → comms → room, and the room shows what was written meanwhile", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("One stream"), severity: "SEV3" });
    const { page } = await suite.signedInPage("responder", USERS.responder);
    const streams = countStreams(page);
    await openRoom(page, incident.id);
    const loads = countLoads(page);
    const header = page.getByTestId("incident-header");
    expect(await header.getAttribute("data-streams")).toBe("1");

    await page.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Comms" }).click();
    await page.getByRole("heading", { name: "Drafts and approvals" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/incidents/${incident.id}/comms`);
    await waitForLive(page);

    // written by someone else while this reader is on the comms tab
    const meanwhile = uniqueText("Written while on comms");
    expect((await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: meanwhile })).status).toBe(201);
    // the header follows the stream on any tab: a severity change shows without a reload
    expect((await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { severity: "SEV2" })).status).toBe(200);
    await header.getByText("SEV2", { exact: true }).waitFor();

    await page.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Timeline" }).click();
    await timelineEntry(page, meanwhile).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/incidents/${incident.id}`);

    // and the stream is still the first one: a later entry arrives live on it
    const after = uniqueText("Written after switching back");
    expect((await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: after })).status).toBe(201);
    await timelineEntry(page, after).waitFor({ timeout: 3_000 });
    expect(await timelineEntry(page, meanwhile).count()).toBe(1);
    expect(streams()).toHaveLength(1);
    expect(await header.getAttribute("data-streams")).toBe("1");
    expect(loads()).toBe(0);
    await screenshot(page, "incident-layout--back-in-room");
  });

  it("shows the same one-line header on the room, comms and post-mortem tabs, with the rest behind Details", async () => {
    const title = uniqueText("Shared header");
    const incident = await suite.admin.createIncident({ title, severity: "SEV2", summary: "Checkout fails for some cards." });
    const { page } = await suite.signedInPage("responder-header", USERS.responder, undefined, { viewport: { width: 1280, height: 800 } });
    for (const path of ["", "/comms", "/postmortem"]) {
      await page.goto(`/incidents/${incident.id}${path}`);
      await waitForLive(page);
      const header = page.getByTestId("incident-header");
      const box = (await header.boundingBox())!;
      expect(box.height, `header height on ${path || "/"}`).toBeLessThan(60);
      expect(await header.getByRole("heading", { level: 1 }).innerText()).toBe(title);
      expect(await header.innerText()).toMatch(/SEV2[^]*Investigating[^]*Elapsed[^]*Commander[^]*Comms lead/i);
      // the summary waits behind Details
      expect(await page.getByText("Checkout fails for some cards.").isVisible()).toBe(false);
      await screenshot(page, `incident-layout--header${path.replace("/", "-") || "-room"}`);
    }

    // Details opens from the keyboard, and stays open on the next page of the session
    await page.goto(`/incidents/${incident.id}`);
    await waitForLive(page);
    const summary = page.getByTestId("incident-details").locator("summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Checkout fails for some cards.").waitFor();
    await page.locator("#field-startedAt time").waitFor();
    await screenshot(page, "incident-layout--details-open");
    await page.getByRole("navigation", { name: "Incident views" }).getByRole("link", { name: "Comms" }).click();
    await page.getByRole("heading", { name: "Drafts and approvals" }).waitFor();
    await page.getByText("Checkout fails for some cards.").waitFor();
    await page.reload();
    await waitForLive(page);
    await page.getByText("Checkout fails for some cards.").waitFor();
    await summary.click();
    await page.getByText("Checkout fails for some cards.").waitFor({ state: "hidden" });
  });

  it("keeps each tab's forms and URLs: the post-mortem tab generates from its own URL", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Tab forms"), severity: "SEV3" });
    expect((await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    const { page } = await suite.signedInPage("responder-pm", USERS.responder);
    await page.goto(`/incidents/${incident.id}/postmortem`);
    await waitForLive(page);
    expect(await page.locator("form[method=post]").filter({ hasText: "Generate the post-mortem" }).getAttribute("action")).toBe(
      `/incidents/${incident.id}/postmortem`,
    );
    await page.getByRole("button", { name: "Generate the post-mortem" }).click();
    await page.waitForURL(/\/postmortems\/[^/]+\/edit$/);
  });
});
