// The admin's pages for the public status page: update templates (live preview, refused
// when broken) and maintenance windows, which reach the public page when scheduled.
import { describe, expect, it } from "vitest";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot, waitForHydration } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("admin-status-settings");

type Template = { key: string; source: string; isDefault: boolean };

async function storedTemplate(key: string): Promise<Template> {
  const res = await suite.admin.call<{ templates: Template[] }>("GET", "/api/v1/templates");
  return res.json.templates.find((t) => t.key === key)!;
}

describe("update templates", () => {
  it("an admin's broken template is refused with liquid's reason; a valid one is previewed and saved", async () => {
    const { page } = await suite.signedInPage("admin", USERS.admin);
    await page.goto("/admin/templates");
    await waitForHydration(page);
    const editor = page.getByTestId("template-identified");
    const source = editor.getByLabel("Template");
    const preview = editor.getByTestId("template-preview");
    await editor.getByText("Default", { exact: true }).waitFor();

    await source.fill("We found it {% if components.size > 1 %}in several places");
    // the preview follows the typing, with the reason the template is broken
    await preview.filter({ hasText: "does not parse" }).waitFor();
    expect(await preview.innerText()).toMatch(/not closed/);
    await editor.getByRole("button", { name: "Save" }).click();
    const refused = editor.getByRole("alert").filter({ hasText: "Not saved" });
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/does not parse: tag \{% if components\.size > 1 %\} not closed/);
    await screenshot(page, "admin-status-settings--template-refused");
    expect((await storedTemplate("update.identified")).isDefault).toBe(true);

    const valid = `{{ page_name }} found the cause: {{ components_text }} {% if components.size > 1 %}are{% else %}is{% endif %} still affected. ${uniqueText("Ref")}`;
    await source.fill(valid);
    // the preview's first case is the incident with several components and mixed impacts
    const found = "Northwind AI found the cause: API - Messages endpoint, API - Batch endpoint, and Web app are still affected.";
    await preview.filter({ hasText: found }).waitFor();
    await editor.getByRole("button", { name: "Save" }).click();
    await editor.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await editor.getByText("Customised").waitFor();
    expect(await editor.getByRole("alert").count()).toBe(0);
    await screenshot(page, "admin-status-settings--template-saved");
    expect(await storedTemplate("update.identified")).toMatchObject({ source: valid, isDefault: false });

    // a fresh load shows the saved template and its preview, rendered by the server
    await page.reload();
    expect(await page.getByTestId("template-identified").getByLabel("Template").inputValue()).toBe(valid);
    await page
      .getByTestId("template-identified")
      .getByTestId("template-preview")
      .filter({ hasText: "Northwind AI found the cause" })
      .waitFor();
  });
});

describe("maintenance", () => {
  it("an admin schedules a maintenance window and it appears on the public status page; starting it shows it in progress", async () => {
    const { page } = await suite.signedInPage("admin", USERS.admin);
    await page.goto("/maintenance");
    await waitForHydration(page);
    const title = uniqueText("Messages database upgrade");
    const start = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const end = new Date(start.getTime() + 60 * 60 * 1000);
    await page.getByLabel("Title").fill(title);
    // the admin's zone is Europe/London: the inputs take its wall clock and say so (decision 0040)
    const london = (at: Date) =>
      new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/London", dateStyle: "short", timeStyle: "short" }).format(at).replace(" ", "T");
    await page.getByLabel(/^Starts \((GMT|BST)\)$/).fill(london(start));
    await page.getByLabel(/^Ends \((GMT|BST)\)$/).fill(london(end));
    await page.getByRole("group", { name: "Components under maintenance" }).getByLabel("Messages").check();
    await page.getByLabel("Message (optional)").fill("Messages may be delayed by a few seconds during the upgrade.");
    await page.getByRole("button", { name: "Schedule maintenance" }).click();
    await page.getByRole("status").filter({ hasText: "is scheduled and announced" }).waitFor();

    const upcoming = page
      .getByRole("region", { name: /^Upcoming/ })
      .getByTestId("maintenance")
      .filter({ hasText: title });
    await upcoming.waitFor();
    expect(await upcoming.innerText()).toContain(`${london(start).slice(11, 16)} –`);
    await screenshot(page, "admin-status-settings--maintenance-scheduled");

    await page.goto("/status");
    const announced = page.getByRole("region", { name: "Scheduled maintenance" }).locator("article").filter({ hasText: title });
    await announced.waitFor();
    expect(await announced.innerText()).toContain("Messages may be delayed by a few seconds during the upgrade.");
    expect(await announced.innerText()).toContain("Scheduled");
    await screenshot(page, "admin-status-settings--status-page");

    await page.goto("/maintenance");
    await waitForHydration(page);
    await page.getByRole("button", { name: `Start now: ${title}` }).click();
    await page
      .getByRole("region", { name: /^In progress/ })
      .getByTestId("maintenance")
      .filter({ hasText: title })
      .waitFor();
    const running = await waitUntil(
      async () => {
        await page.goto("/status");
        return page.getByRole("region", { name: "Scheduled maintenance" }).locator("article").filter({ hasText: title }).innerText();
      },
      (text) => text.includes("In progress"),
      "the public page shows the window in progress",
    );
    expect(running).toContain("Scheduled maintenance is currently in progress.");
  });

  it("a viewer reads the windows but cannot schedule or move them, in the page or by posting", async () => {
    const { page } = await suite.signedInPage("viewer", USERS.viewer);
    await page.goto("/maintenance");
    await page.getByRole("heading", { name: "Sign-in provider migration" }).waitFor();
    expect(await page.getByRole("heading", { name: "Schedule maintenance" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Start now/ }).count()).toBe(0);

    const created = await suite.admin.call<{ token: string }>("POST", "/api/v1/tokens", { name: "viewer e2e", role: "viewer" });
    expect(created.status).toBe(201);
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${suite.server.baseUrl}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${created.json.token}` },
        body: new URLSearchParams(fields),
      });
    const schedule = await post("/maintenance", {
      intent: "schedule",
      title: "Not allowed",
      scheduledFor: "2030-01-01T10:00",
      scheduledUntil: "2030-01-01T11:00",
    });
    expect(schedule.status).toBe(403);
    const template = await post("/admin/templates", { intent: "save", status: "resolved", source: "Not allowed" });
    expect(template.status).toBe(403);
    expect((await storedTemplate("update.resolved")).isDefault).toBe(true);
  });
});
