// Refusing an update (decision 0046): the comms lead sends a SEV1 update for approval; a second
// person refuses it with a reason from its card; the author's bell counts up, live, and their card
// is a draft again showing who returned it and why. The author has no Refuse button.
import { describe, expect, it } from "vitest";
import { uniqueText, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("comms-refuse");

describe("refusing an update awaiting approval", () => {
  it("a second person refuses with a reason; the author is told and sees the reason on the draft", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Checkout errors"), severity: "SEV1" });
    const words = uniqueText("Checkout is failing for customers in us-east. We are investigating.");
    const reason = "The errors are in eu-west, not us-east; please correct the region.";

    // The comms lead (the author) sends it for approval, and waits with nothing new in the bell.
    const comms = await suite.signedInPage("comms", USERS.comms);
    await comms.page.goto(`/incidents/${incident.id}/comms`);
    await comms.page.getByLabel("Message", { exact: true }).fill(words);
    await comms.page.getByRole("button", { name: "Send for approval" }).click();
    const authorsCard = comms.page.getByTestId("update-card").filter({ hasText: words });
    await authorsCard.filter({ hasText: "Awaiting approval" }).waitFor();
    expect(await authorsCard.getByRole("button", { name: "Refuse…" }).count()).toBe(0);
    const before = Number(
      (await comms.page
        .getByTestId("notification-count")
        .textContent({ timeout: 1_000 })
        .catch(() => "0")) ?? "0",
    );

    // A second person opens the form, first without a reason (refused, nothing changes), then with one.
    const approver = await suite.signedInPage("approver", "tomas.rivera@northwind.example");
    await approver.page.goto(`/incidents/${incident.id}/comms`);
    const card = approver.page.getByTestId("update-card").filter({ hasText: words });
    await card.getByRole("button", { name: "Refuse…" }).click();
    const form = card.getByTestId("refuse-form");
    await form.getByLabel("Why is it refused? Its author is told.").fill("   ");
    await form.getByRole("button", { name: "Refuse and return to author" }).click();
    await form.getByText("must say why the update is refused").waitFor();
    expect(await card.getAttribute("data-state")).toBe("awaiting_approval");
    await form.getByLabel("Why is it refused? Its author is told.").fill(reason);
    await screenshot(approver.page, "comms-refuse--form");
    await form.getByRole("button", { name: "Refuse and return to author" }).click();
    await approver.page.getByTestId("update-card").filter({ hasText: words }).filter({ hasText: "Draft" }).waitFor();

    // The author's bell counts up without a reload, and their card is a draft with the reason.
    await expect.poll(() => comms.page.getByTestId("notification-count").textContent(), { timeout: 5_000 }).toBe(String(before + 1));
    const returned = authorsCard.getByTestId("returned-note");
    await returned.waitFor({ timeout: 5_000 });
    expect(await returned.textContent()).toContain(`Returned by Tomás Rivera`);
    expect(await returned.textContent()).toContain(reason);
    expect(await authorsCard.getAttribute("data-state")).toBe("draft");
    await screenshot(comms.page, "comms-refuse--returned-card");

    await comms.page.goto("/notifications");
    expect(await comms.page.getByTestId("notification").first().textContent()).toContain(
      `Tomás Rivera refused your update on ${incident.ref}: “${reason}”`,
    );

    // Sent again, the reason is gone from the card.
    await comms.page.goto(`/incidents/${incident.id}/comms`);
    await authorsCard.getByRole("button", { name: "Send for approval" }).click();
    await authorsCard.filter({ hasText: "Awaiting approval" }).waitFor();
    expect(await authorsCard.getByTestId("returned-note").count()).toBe(0);
  });
});
