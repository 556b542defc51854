// Issue 14 item 11: the room shows at least eight entries at 1280×800 (decision 0044); and the small parts: the kind picker returns to Note after
// each send; bare http(s) URLs in entries are links (new tab, nothing but http(s)); and the keys
// the room lists and answers are only those of actions the reader's role may take.
import { describe, expect, it } from "vitest";
import { openRoom, sendEntry, timelineEntry, uniqueText, USERS, waitForLive, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("room-density");
const WRITE_KEYS = ["Write in the timeline", "Change the status", "Pin the last entry"];

describe("the incident room, denser", () => {
  it("shows at least eight entries of the demo's big incident at 1280×800, under a one-line header", async () => {
    const { page } = await suite.signedInPage("responder-big", USERS.responder, undefined, { viewport: { width: 1280, height: 800 } });
    const incident = await suite.admin.incident("INC-3");
    await openRoom(page, incident.id);
    const header = (await page.getByTestId("incident-header").boundingBox())!;
    expect(header.height).toBeLessThan(60);
    // entries wholly on screen, above the composer that sticks to the bottom
    const visible = await page.evaluate(() => {
      const composer = document.querySelector('[data-testid="composer"]')!.closest(".sticky")!.getBoundingClientRect();
      return [...document.querySelectorAll('[data-testid="timeline-entry"]')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= composer.top;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(8);
    await screenshot(page, "room-density--big-incident");
  });

  it("returns the kind picker to Note after an entry of another kind is sent", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Kind picker resets"), severity: "SEV3" });
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await openRoom(page, incident.id);
    const kind = page.getByLabel("Kind of entry");
    for (const [value, label] of [
      ["decision", "Decision"],
      ["action", "Action"],
      ["customer-impact", "Customer impact"],
    ] as const) {
      await kind.selectOption(value);
      const text = uniqueText(`${label} taken`);
      await sendEntry(page, text);
      await timelineEntry(page, text).getByText(label, { exact: true }).waitFor();
      expect(await kind.inputValue()).toBe("note");
    }
    // a note stays a note, and the next entry is one unless chosen otherwise
    const text = uniqueText("Plain note");
    await sendEntry(page, text);
    await timelineEntry(page, text).getByText("Note", { exact: true }).waitFor();
    expect(await kind.inputValue()).toBe("note");
    const kinds = (await suite.admin.timeline(incident.id)).map((e) => e.kind);
    expect(kinds.slice(-4)).toEqual(["decision", "action", "customer-impact", "note"]);
  });

  it("shows bare http(s) URLs in entries as links opening in a new tab, the rest as text", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Bare links"), severity: "SEV3" });
    const marker = uniqueText("Links");
    const body =
      `${marker} dashboard https://grafana.example/d/abc?from=now-1h&to=now, runbook (http://wiki.example/Runbook_(db)). ` +
      "Not these: javascript:alert(1) data:text/html,x <b>bold</b>";
    const posted = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body });
    expect(posted.status).toBe(201);
    for (const [label, email] of [
      ["viewer", USERS.viewer],
      ["responder", USERS.responder],
    ] as const) {
      const { page } = await suite.signedInPage(label, email);
      await page.goto(`/incidents/${incident.id}`);
      await waitForLive(page);
      const entry = timelineEntry(page, marker);
      await entry.waitFor();
      const links = await entry.locator("a").evaluateAll((as) =>
        as.map((a) => ({
          href: a.getAttribute("href"),
          text: a.textContent,
          target: a.getAttribute("target"),
          rel: a.getAttribute("rel"),
        })),
      );
      const opens = (url: string) => ({ href: url, text: url, target: "_blank", rel: "noopener noreferrer nofollow" });
      expect(links).toEqual([opens("https://grafana.example/d/abc?from=now-1h&to=now"), opens("http://wiki.example/Runbook_(db)")]);
      const text = await entry.innerText();
      expect(text).toContain("now, runbook (http://wiki.example/Runbook_(db)).");
      expect(text).toContain("<b>bold</b>");
      expect(await entry.locator("b").count()).toBe(0);
    }
  });

  it("links bare URLs typed in the composer and those in stored documents written without a link", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Bare links typed"), severity: "SEV3" });
    const stored = uniqueText("Stored doc");
    const paragraph = { type: "paragraph", content: [{ type: "text", text: `${stored} see https://logs.example/q?id=7.` }] };
    const doc = { type: "doc", content: [paragraph] };
    expect((await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: doc })).status).toBe(201);
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await openRoom(page, incident.id);
    const typed = uniqueText("Typed");
    await sendEntry(page, `${typed} rollback at https://deploy.example/r/42, javascript:alert(1)`);
    for (const [marker, href] of [
      [stored, "https://logs.example/q?id=7"],
      [typed, "https://deploy.example/r/42"],
    ] as const) {
      const entry = timelineEntry(page, marker);
      await entry.waitFor();
      const hrefs = () => entry.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      await waitUntil(hrefs, (found) => found.length === 1 && found[0] === href, `one link to ${href}`);
      expect(await entry.locator("a").getAttribute("target")).toBe("_blank");
    }
    await screenshot(page, "room-density--links");
  });

  it("lists and answers only the keys of actions the reader may take: none that write for a viewer", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Keys by role"), severity: "SEV3" });
    await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: uniqueText("An entry to pin") });

    const viewer = (await suite.signedInPage("viewer", USERS.viewer)).page;
    await viewer.goto(`/incidents/${incident.id}`);
    await waitForLive(viewer);
    await screenshot(viewer, "room-density--viewer");
    await viewer.keyboard.press("?");
    const help = viewer.getByTestId("keyboard-help");
    await help.waitFor();
    const listed = await help.innerText();
    for (const label of WRITE_KEYS) expect(listed).not.toContain(label);
    expect(listed).toContain("Open the comms tab");
    expect(listed).toContain("Open the post-mortem");
    await screenshot(viewer, "room-density--viewer-keys");
    await viewer.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await viewer.keyboard.press("Control+k");
    const palette = viewer.getByTestId("command-palette");
    await palette.waitFor();
    const commands = await palette.getByRole("option").allInnerTexts();
    expect(commands.length).toBeGreaterThan(0);
    for (const label of WRITE_KEYS) expect(commands.join("\n")).not.toContain(label);
    await viewer.keyboard.press("Escape");
    await palette.waitFor({ state: "hidden" });
    // the write keys do nothing for a viewer (no pin is asked for); "m" still opens the post-mortem
    const posts: string[] = [];
    viewer.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
    await viewer.keyboard.press("p");
    await viewer.keyboard.press("s");
    await viewer.keyboard.press("c");
    await viewer.waitForTimeout(300);
    expect(posts).toEqual([]);
    expect((await suite.admin.timeline(incident.id)).some((e) => (e as { pinned?: boolean }).pinned)).toBe(false);

    const responder = (await suite.signedInPage("responder", USERS.responder)).page;
    await openRoom(responder, incident.id);
    await screenshot(responder, "room-density--responder");
    await responder.keyboard.press("?");
    const responderHelp = responder.getByTestId("keyboard-help");
    await responderHelp.waitFor();
    const responderListed = await responderHelp.innerText();
    for (const label of WRITE_KEYS) expect(responderListed).toContain(label);
    await screenshot(responder, "room-density--responder-keys");
    await responder.keyboard.press("Escape");
    await responderHelp.waitFor({ state: "hidden" });
    await responder.keyboard.press("p");
    const pinned = (es: object[]) => es.some((e) => (e as { pinned?: boolean }).pinned);
    await waitUntil(() => suite.admin.timeline(incident.id), pinned, "the responder's p to pin the entry");
  });
});
