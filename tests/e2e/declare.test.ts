// Declaring an incident from the form lands in its room with the declaration on the timeline.
import { describe, expect, it } from "vitest";
import { timelineEntry, uniqueText, USERS, waitForLive } from "./support/app.ts";
import { seriousViolations } from "./support/axe.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("declare");

describe("declare an incident", () => {
  it("the responder declares a SEV2 with one component in partial outage and lands in its room", async () => {
    const res = await suite.admin.call<{ components: { id: string; name: string; group?: boolean }[] }>("GET", "/api/v1/components");
    const messages = res.json.components.find((c) => c.name === "Messages" && !c.group);
    expect(messages, "the demo data has a Messages component").toBeTruthy();

    const { page } = await suite.signedInPage("responder", USERS.responder);
    await page.getByRole("banner").getByRole("link", { name: "Declare incident" }).click(); // the one in the top bar
    await page.waitForURL((url) => url.pathname === "/incidents/new");

    const title = uniqueText("Messages API returning 503s");
    await page.getByLabel("What is happening?").fill(title);
    await page.getByLabel("Severity").selectOption("SEV2");
    await page.locator(`select[name="impact:${messages!.id}"]`).selectOption("partial_outage");
    await screenshot(page, "declare--form");
    await page.getByRole("button", { name: "Declare incident" }).click();

    await page.waitForURL((url) => /^\/incidents\/[^/]+$/.test(url.pathname) && url.pathname !== "/incidents/new", { timeout: 20_000 });
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const incident = await suite.admin.incident(id);
    expect(incident.title).toBe(title);
    expect(incident.severity).toBe("SEV2");
    expect(incident.status).toBe("investigating");
    expect(incident.ref).toMatch(/^INC-\d+$/);

    // The room's header: reference, severity, status and title.
    const header = page.locator("main header").first();
    await header.getByRole("heading", { level: 1, name: title }).waitFor();
    const headerText = (await header.textContent()) ?? "";
    expect(headerText).toContain(incident.ref);
    expect(headerText).toContain("SEV2");
    expect(headerText).toContain("investigating");
    expect(headerText).toMatch(/Messages \(partial outage\)/);

    // The declaration is the first entry of the timeline.
    const declared = timelineEntry(page, `declared ${incident.ref} as SEV2, investigating.`);
    await declared.waitFor();
    expect(await declared.count()).toBe(1);
    expect(await declared.textContent()).toMatch(/Messages \(partial outage\)/);
    expect(await declared.textContent()).toContain("Dana Whitfield");

    await waitForLive(page);
    await screenshot(page, "declare--room");
  });

  it("a refused declaration shows each error beside its field, naming it, and keeps what was typed", async () => {
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await page.goto("/incidents/new");
    // Spaces pass the browser's own checks; the server trims them and says what is wrong.
    await page.getByLabel("What is happening?").fill("   ");
    await page.getByLabel("Summary (optional)").fill("Customers see errors; typed here");
    await page.getByRole("button", { name: "Declare incident" }).click();
    const title = page.getByLabel("What is happening?");
    await expect.poll(() => title.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    const describedBy = (await title.getAttribute("aria-describedby"))!;
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe("Title: must not be empty");
    expect(await page.getByLabel("Summary (optional)").inputValue()).toMatch(/ typed here$/);
    expect(new URL(page.url()).pathname).toBe("/incidents/new");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "declare--errors");
  });
});
