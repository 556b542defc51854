// People are told (issue 14 item 6): the comms lead sends a SEV1 update for approval; a second
// person's bell counts it at once, without a reload; they open the list, click through to the
// update, and Approve and publish it in one step; the public page shows it.
import { describe, expect, it } from "vitest";
import { uniqueText, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("notifications");

describe("notifications", () => {
  it("a request for approval reaches the approver's bell live; they click through and approve and publish", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Chat completions time out"), severity: "SEV1" });
    const words = uniqueText("Chat replies are timing out for most customers. We are investigating.");

    // The approver (comms) is somewhere else in the app, with nothing new.
    const approver = await suite.signedInPage("approver", "tomas.rivera@northwind.example");
    await approver.page.goto("/incidents");
    const bell = approver.page.getByTestId("notification-bell");
    await bell.waitFor();
    const before = Number(
      (await approver.page
        .getByTestId("notification-count")
        .textContent({ timeout: 1_000 })
        .catch(() => "0")) ?? "0",
    );

    // The comms lead sends a SEV1 update for approval.
    const comms = await suite.signedInPage("comms", USERS.comms);
    await comms.page.goto(`/incidents/${incident.id}/comms`);
    await comms.page.getByLabel("Message", { exact: true }).fill(words);
    await comms.page.getByRole("button", { name: "Send for approval" }).click();
    await comms.page.getByTestId("update-card").filter({ hasText: "Awaiting approval" }).waitFor();

    // The approver's bell counts it, on the page they had open.
    const url = approver.page.url();
    await expect.poll(() => approver.page.getByTestId("notification-count").textContent(), { timeout: 5_000 }).toBe(String(before + 1));
    expect(approver.page.url()).toBe(url);
    expect(await bell.getAttribute("aria-label")).toBe(`Notifications, ${before + 1} unread`);
    await screenshot(approver.page, "notifications--bell");

    // The list: newest first, unread, naming who asks and what.
    await bell.click();
    await approver.page.getByRole("heading", { name: "Notifications" }).waitFor();
    const item = approver.page.getByTestId("notification").first();
    expect(await item.getAttribute("data-unread")).toBe("true");
    expect(await item.textContent()).toContain(`Elena Marsh asks for approval of an update on ${incident.ref}`);
    await screenshot(approver.page, "notifications--list");

    // Click through: the update, on its incident's comms tab; the notification is read.
    await item.getByRole("button").click();
    await approver.page.waitForURL((u) => u.pathname === `/incidents/${incident.id}/comms`);
    const card = approver.page.getByTestId("update-card").filter({ hasText: "Awaiting approval" });
    await card.waitFor();
    await expect.poll(() => approver.page.getByTestId("notification-count").count()).toBe(before === 0 ? 0 : 1);
    await screenshot(approver.page, "notifications--approve-and-publish");

    // The author has no such button (the two-person rule), the approver does.
    expect(await comms.page.getByRole("button", { name: "Approve and publish" }).count()).toBe(0);
    await card.getByRole("button", { name: "Approve and publish" }).click();
    await approver.page.getByTestId("update-card").filter({ hasText: "Published" }).filter({ hasText: words }).waitFor();

    // The public page shows it.
    const publicPage = await (await fetch(`${suite.server.baseUrl}/status/incidents/${incident.id}`)).text();
    expect(publicPage).toContain(words);

    // The author is told, live, too.
    await expect.poll(() => comms.page.getByTestId("notification-count").textContent(), { timeout: 5_000 }).toMatch(/^[1-9]/);
    await comms.page.goto("/notifications");
    expect(await comms.page.getByTestId("notification").first().textContent()).toContain(
      `Tomás Rivera approved and published your update on ${incident.ref}`,
    );
    await comms.page.getByRole("button", { name: "Mark all read" }).click();
    await comms.page.getByText("Nothing unread.").waitFor();
    expect(await comms.page.getByTestId("notification-count").count()).toBe(0);
    await screenshot(comms.page, "notifications--all-read");
  });

  it("with the setting on in Admin → Settings, an incident's commander publishes its updates though a responder", async () => {
    const users = await suite.admin.call<{ users: { id: string; email: string }[] }>("GET", "/api/v1/users");
    const dana = users.json.users.find((u) => u.email === USERS.responder)!;
    const created = await suite.admin.call<{ incident: { id: string } }>("POST", "/api/v1/incidents", {
      title: uniqueText("Search results stale"),
      severity: "SEV2",
      commanderId: dana.id,
    });
    const incidentId = created.json.incident.id;
    const words = uniqueText("Search results may be a few minutes old.");

    const commander = await suite.signedInPage("commander", USERS.responder);
    await commander.page.goto(`/incidents/${incidentId}/comms`);
    await commander.page.getByLabel("Message", { exact: true }).fill(words);
    await commander.page.getByRole("button", { name: "Save draft" }).click();
    const draft = commander.page.getByTestId("update-card").filter({ hasText: words });
    await draft.waitFor();
    expect(await draft.getByRole("button", { name: "Publish", exact: true }).count()).toBe(0);

    const admin = await suite.signedInPage("admin", USERS.admin);
    await admin.page.goto("/admin/settings");
    const section = admin.page.getByRole("region", { name: "Publishing by the commander" });
    const box = section.getByLabel("The incident's commander may publish its updates");
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await section.getByRole("button", { name: "Save" }).click();
    await section.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await screenshot(admin.page, "notifications--commander-setting");
    await admin.page.reload();
    expect(await admin.page.getByLabel("The incident's commander may publish its updates").isChecked()).toBe(true);

    await commander.page.reload();
    await commander.page
      .getByTestId("update-card")
      .filter({ hasText: words })
      .getByRole("button", { name: "Publish", exact: true })
      .click();
    await commander.page.getByTestId("update-card").filter({ hasText: "Published" }).filter({ hasText: words }).waitFor();
    const publicPage = await (await fetch(`${suite.server.baseUrl}/status/incidents/${incidentId}`)).text();
    expect(publicPage).toContain(words);
  });
});
