// An admin changes an incident's severity in its room, then finds that change in the audit
// log by filtering on the incident, and reads who did it and what it was before and after.
import { describe, expect, it } from "vitest";
import { openRoom, uniqueText, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("audit-log");

describe("the audit log", () => {
  it("shows an admin the severity change they just made, before and after, filtered by the incident", async () => {
    // A trace id in the title: one long unbroken value, as audit rows often carry.
    const trace = "4bf92f3577b34da6a3ce929d0e0e4736".repeat(3);
    const title = `${uniqueText("Search latency")} trace ${trace}`;
    const incident = await suite.admin.createIncident({ title, severity: "SEV3" });
    const { page } = await suite.signedInPage("admin", USERS.admin);
    await openRoom(page, incident.id);
    await page.locator('select[name="severity"]').selectOption("SEV1");
    await page.getByRole("button", { name: "Save severity and roles" }).click();
    await expect
      .poll(
        async () =>
          (await suite.admin.call<{ incident: { severity: string } }>("GET", `/api/v1/incidents/${incident.id}`)).json.incident.severity,
        { timeout: 10_000 },
      )
      .toBe("SEV1");

    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByLabel("Entity type").selectOption("Incident");
    await page.getByLabel("Entity id").fill(incident.id);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("entityId") === incident.id && url.searchParams.get("entityType") === "Incident");

    const rows = page.locator("[data-audit-event]");
    await expect.poll(() => rows.count()).toBe(2);
    const change = rows.first();
    expect(await change.innerText()).toContain("Incident updated");
    expect(await change.innerText()).toContain("Priya Raman");
    const severity = change.locator("dl > div").filter({ has: page.locator("dt", { hasText: /^severity:/ }) });
    expect(await severity.locator("del").innerText()).toBe("SEV3");
    expect(await severity.locator("ins").innerText()).toBe("SEV1");
    expect(await rows.nth(1).innerText()).toContain("Incident declared");
    // The entity reads in names (its reference and title); its id is on hover.
    const entity = change.getByRole("link", { name: `${incident.ref} ${title}` });
    expect(await entity.getAttribute("href")).toBe(`/incidents/${incident.ref}`);
    expect(await entity.getAttribute("title")).toBe(`Incident id ${incident.id}`);
    expect(await change.innerText()).not.toContain(incident.id);

    // Long values wrap inside the Changes column: at 1280 px the table shows its right edge
    // without scrolling sideways, and the header's navigation stays on one line.
    const table = await page
      .locator("table")
      .evaluate((t) => ({ scroll: t.parentElement!.scrollWidth, shown: t.parentElement!.clientWidth }));
    expect(table.scroll).toBeLessThanOrEqual(table.shown);
    const navItems = await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link")
      .evaluateAll((links) => links.map((l) => l.getBoundingClientRect().top));
    expect(new Set(navItems).size).toBe(1);

    await change.getByText("Raw JSON").click();
    const raw = await change.locator("pre").innerText();
    expect(JSON.parse(raw)).toMatchObject({ before: { severity: "SEV3" }, after: { severity: "SEV1" } });
    await screenshot(page, "audit-log--severity-change");

    // The filtered view is a URL to share; a bad one says why instead of failing.
    await page.goto(`/admin/audit?entityId=${incident.id}&from=last-tuesday`);
    expect(await page.getByRole("alert").filter({ hasText: "Some filters are not valid" }).innerText()).toMatch(
      /from must be a date \(YYYY-MM-DD\)/,
    );
  });
});
