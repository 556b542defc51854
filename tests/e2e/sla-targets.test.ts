// An admin promises a component its own availability in the components catalog; the insights
// page then holds that component's months to it, and says so beside the component.
import { describe, expect, it } from "vitest";
import { USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("sla-targets");

describe("a component's own SLA target", () => {
  it("is set in the catalog, refused when it is not a percentage, and used by the insights' SLA table", async () => {
    const { json } = await suite.admin.call<{ components: { id: string; name: string; group: boolean }[] }>("GET", "/api/v1/components");
    const messages = json.components.find((c) => c.name === "Messages" && !c.group)!;
    const { page } = await suite.signedInPage("admin", USERS.admin);

    await page.goto(`/components?edit=${messages.id}`);
    const form = page.getByRole("form", { name: `Edit ${messages.name}` });
    const field = form.getByLabel("SLA target (%)");
    await field.fill("a lot");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => form.getByRole("alert").allInnerTexts()).toContainEqual(expect.stringMatching(/percentage/));

    await field.fill("99.5");
    await form.getByRole("button", { name: "Save changes" }).click();
    const entry = page.getByText("SLA target 99.5%");
    await entry.waitFor();
    await screenshot(page, "sla-targets--catalog");

    await page.goto("/insights");
    const row = page.getByTestId("sla-row").filter({ has: page.getByRole("rowheader", { name: /Messages/ }) });
    expect(await row.locator("td").first().innerText()).toBe("99.5%");
    const others = await page
      .getByTestId("sla-row")
      .filter({ hasNot: page.getByRole("rowheader", { name: /Messages/ }) })
      .locator("td:first-of-type")
      .allInnerTexts();
    expect(new Set(others)).toEqual(new Set(["99.9%"]));
    expect(await page.getByText("Each component is held to its own target").count()).toBe(1);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, "sla-targets--insights");

    // Cleared, it is held to the default again.
    const cleared = await suite.admin.call<{ component: { slaTarget: number | null } }>("PATCH", `/api/v1/components/${messages.id}`, {
      slaTarget: null,
    });
    expect(cleared.json.component.slaTarget).toBeNull();
  });
});
