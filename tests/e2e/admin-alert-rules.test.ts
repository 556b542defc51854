// The alert intake rules on /admin/settings in Chromium: an admin changes the severity mapping
// and the component label, saves, finds them kept after a reload (and in the JSON API), and a
// mapping or label that cannot be used is refused with the field's reason, keeping the rules.
// Screenshots go to test-results/e2e/admin-alert-rules--*.png.
import { describe, expect, it } from "vitest";
import { USERS } from "./support/app.ts";
import { screenshot, waitForHydration } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("admin-alert-rules");

type Rules = { severityLabel: string; severityRules: string; componentLabel: string };
const storedRules = async () => (await suite.admin.call<{ alertRules: Rules }>("GET", "/api/v1/alert-rules")).json.alertRules;

describe("alert intake rules", () => {
  it("an admin changes the severity mapping and component label, keeps them after a reload, and a bad value shows the field's error", async () => {
    const { page } = await suite.signedInPage("admin", USERS.admin);
    await page.goto("/admin/settings");
    await waitForHydration(page);
    const section = page.getByRole("region", { name: "Alert intake" });
    const mapping = section.getByLabel("Severity mapping");
    const componentLabel = section.getByLabel("Component label");
    expect(await mapping.inputValue()).toContain("critical = SEV1");
    expect(await componentLabel.inputValue()).toBe("component");

    const rules = "# paging priorities\np1 = SEV1\np2, p3 = SEV2\n* = SEV4";
    await section.getByLabel("Severity label").fill("priority");
    await mapping.fill(rules);
    await componentLabel.fill("service");
    await section.getByRole("button", { name: "Save alert rules" }).click();
    await section.getByRole("status").filter({ hasText: "Alert rules saved." }).waitFor();
    expect(await storedRules()).toEqual({ severityLabel: "priority", severityRules: rules, componentLabel: "service" });

    await page.reload();
    await waitForHydration(page);
    expect(await section.getByLabel("Severity label").inputValue()).toBe("priority");
    expect(await mapping.inputValue()).toBe(rules);
    expect(await componentLabel.inputValue()).toBe("service");

    // A severity that does not exist: the mapping's own error, the typing kept, nothing saved.
    await mapping.fill("p1 = SEV1\np2 = urgent");
    await componentLabel.fill("2nd service");
    await section.getByRole("button", { name: "Save alert rules" }).click();
    const mappingError = section.getByRole("alert").filter({ hasText: "line 2" });
    await mappingError.waitFor();
    expect(await mappingError.innerText()).toBe('line 2: "urgent" is not one of SEV1, SEV2, SEV3, SEV4');
    expect(await mapping.getAttribute("aria-invalid")).toBe("true");
    expect(await mapping.inputValue()).toBe("p1 = SEV1\np2 = urgent");
    expect(await section.getByRole("alert").filter({ hasText: "must be a label name" }).innerText()).toBe(
      "must be a label name: letters, digits and _, not starting with a digit",
    );
    expect(await componentLabel.getAttribute("aria-invalid")).toBe("true");
    expect(await section.getByRole("status").count()).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, "admin-alert-rules--refused");
    expect(await storedRules()).toEqual({ severityLabel: "priority", severityRules: rules, componentLabel: "service" });

    // Corrected, it saves.
    await mapping.fill(rules.replace("p3", "P3, p4"));
    await componentLabel.fill("service");
    await section.getByRole("button", { name: "Save alert rules" }).click();
    await section.getByRole("status").filter({ hasText: "Alert rules saved." }).waitFor();
    expect(await section.getByRole("alert").count()).toBe(0);
    await screenshot(page, "admin-alert-rules--saved");
    expect((await storedRules()).severityRules).toBe("# paging priorities\np1 = SEV1\np2, P3, p4 = SEV2\n* = SEV4");
  });
});
