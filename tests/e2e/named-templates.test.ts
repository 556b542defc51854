// Named update templates in the browser: an admin adds one to a status and its preview follows
// the chosen preview case (as the default's does); comms picks it in the comms tab and the
// draft fills with it, written for the incident at hand.
import { describe, expect, it } from "vitest";
import { uniqueText, USERS } from "./support/app.ts";
import { screenshot, waitForHydration } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("named-templates");

type Named = { id: string; key: string; name: string; status: string; source: string };

const SOURCE = `We are investigating {% if components.size > 0 %}failed card payments on {{ components_text }}{% else %}failed \
card payments{% endif %}: \
our payment provider has an outage, and we are working with them.`;

describe("named update templates", () => {
  it("an admin adds one to a status; every preview follows the chosen case", async () => {
    const name = uniqueText("Payment provider outage");
    const { page } = await suite.signedInPage("admin", USERS.admin);
    await page.goto("/admin/templates");
    await waitForHydration(page);
    const investigating = page.getByTestId("status-investigating");

    await investigating.getByText("Add a named investigating template").click();
    const form = investigating.getByRole("form", { name: "New named investigating template" });
    await form.getByLabel(/^Name/).fill(name);
    await form.getByLabel("Template").fill(SOURCE);
    await form.getByRole("button", { name: "Add template" }).click();

    const editor = page.getByTestId(`template-named-${name}`);
    const preview = editor.getByTestId("template-preview");
    await preview.filter({ hasText: "failed card payments on API - Messages endpoint, API - Batch endpoint, and Web app:" }).waitFor();
    const stored = await suite.admin.call<{ namedTemplates: Named[] }>("GET", "/api/v1/templates");
    expect(stored.json.namedTemplates.find((t) => t.name === name)).toMatchObject({ status: "investigating", source: SOURCE });

    // the case select fills the same template with another shape of incident
    await editor.getByTestId("preview-case").selectOption({ label: "No component" });
    await preview.filter({ hasText: "We are investigating failed card payments: our payment provider" }).waitFor();
    await editor.getByTestId("preview-case").selectOption({ label: "One component" });
    await preview.filter({ hasText: "failed card payments on API - Messages endpoint: our payment provider" }).waitFor();

    // and the shipped default's preview too: all restored, the Resolved update names what was affected
    const resolved = page.getByTestId("template-resolved");
    await resolved.getByTestId("preview-case").selectOption({ label: "All restored" });
    await resolved
      .getByTestId("template-preview")
      .filter({ hasText: "This incident has been resolved. Web app and API - Messages endpoint are operating normally again." })
      .waitFor();
    await resolved.getByTestId("preview-case").selectOption({ label: "No component" });
    await resolved
      .getByTestId("template-preview")
      .filter({ hasText: /^This incident has been resolved\. It began at/ })
      .waitFor();
    await investigating.scrollIntoViewIfNeeded();
    await screenshot(page, "named-templates--admin-templates");

    // a name the status already has is refused, naming the field
    await investigating.getByText("Add a named investigating template").click();
    await form.getByLabel(/^Name/).fill(name.toUpperCase());
    await form.getByLabel("Template").fill("We are looking into it.");
    await form.getByRole("button", { name: "Add template" }).click();
    await form.getByRole("alert").filter({ hasText: "already has this name" }).waitFor();
  });

  it("comms picks it in the comms tab and the draft fills with it", async () => {
    const name = uniqueText("Card payments failing");
    const created = await suite.admin.call<{ template: Named }>("POST", "/api/v1/templates", {
      status: "investigating",
      name,
      source: SOURCE,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const components = await suite.admin.call<{ components: { id: string; name: string; group?: boolean }[] }>("GET", "/api/v1/components");
    const messages = components.json.components.find((c) => c.name === "Messages" && !c.group)!;
    const incident = await suite.admin.createIncident({
      title: uniqueText("Card payments failing"),
      severity: "SEV3",
      components: [{ id: messages.id, impact: "partial_outage" }],
    });

    const { page } = await suite.signedInPage("comms", USERS.comms);
    await page.goto(`/incidents/${incident.id}/comms`);
    await waitForHydration(page);
    const message = page.getByLabel("Message", { exact: true });
    // the default first: each component with its own impact
    await expect.poll(() => message.inputValue()).toContain("We are investigating a partial outage of API - Messages, which began at");

    const select = page.getByLabel("Template", { exact: true });
    expect(await select.locator("option").allInnerTexts()).toEqual(
      expect.arrayContaining(["Default for investigating", "Third-party outage", name]),
    );
    await select.selectOption({ label: name });
    await expect
      .poll(() => message.inputValue())
      .toBe(
        "We are investigating failed card payments on API - Messages: our payment provider has an outage, and we are working with them.",
      );
    await expect
      .poll(() => page.getByLabel("Preview on the public page").textContent())
      .toContain("failed card payments on API - Messages");
    await screenshot(page, "named-templates--comms-tab");

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByTestId("update-card").filter({ hasText: "failed card payments on API - Messages" }).waitFor();

    // another status starts from its own default again
    await page.getByLabel("Status", { exact: true }).selectOption("identified");
    await expect.poll(() => message.inputValue()).toContain("The issue has been identified and a fix is being implemented.");
    expect(await select.inputValue()).toBe("");
  });
});
