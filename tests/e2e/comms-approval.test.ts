// The comms lead drafts an update on a SEV1; it cannot go out until a second person approves;
// once published, a reader's open status page shows it within 5 s without a reload.
import { describe, expect, it } from "vitest";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("comms-approval");

type Update = { id: string; state: string };

describe("status-page updates on a SEV1", () => {
  it("need a second person's approval, then reach the open public page within 5 s", async () => {
    const components = await suite.admin.call<{ components: { id: string; name: string; group?: boolean }[] }>("GET", "/api/v1/components");
    const messages = components.json.components.find((c) => c.name === "Messages" && !c.group)!;
    const incident = await suite.admin.createIncident({
      title: uniqueText("Router config push overloads model routing"),
      severity: "SEV1",
      components: [{ id: messages.id, impact: "major_outage" }],
    });
    const publicTitle = uniqueText("Messages API unavailable");

    // A reader has the public page open (JavaScript on): the incident is not there yet.
    const reader = await suite.newPage("reader");
    await reader.page.goto("/status");
    await reader.page
      .getByRole("heading", { name: /All Systems Operational|Outage|Degraded|Maintenance/ })
      .first()
      .waitFor();
    expect(await reader.page.content()).not.toContain(publicTitle);

    // The comms lead drafts from the template and sends it for approval.
    const comms = await suite.signedInPage("comms", USERS.comms);
    await comms.page.goto(`/incidents/${incident.id}/comms`);
    const message = comms.page.getByLabel("Message", { exact: true });
    await expect.poll(() => message.inputValue()).toContain("API - Messages");
    expect(await comms.page.getByLabel("API Messages moves to").inputValue()).toBe("major_outage");
    await comms.page.getByLabel("Public title").fill(publicTitle);
    await expect.poll(() => comms.page.getByLabel("Preview on the public page").textContent()).toContain(publicTitle);
    expect(await comms.page.getByRole("button", { name: "Publish now" }).count()).toBe(0);
    await comms.page.getByRole("button", { name: "Send for approval" }).click();
    const card = comms.page.getByTestId("update-card").filter({ hasText: "Awaiting approval" });
    await card.waitFor();
    await card.getByText("Waiting for a second person to approve.").waitFor();
    expect(await card.getByRole("button", { name: "Publish" }).count()).toBe(0);
    expect(await card.getByRole("button", { name: "Approve", exact: true }).isDisabled()).toBe(true);
    await card.getByText(/The author of an update cannot approve it/).waitFor();
    await screenshot(comms.page, "comms-approval--awaiting");

    // Publishing is refused on the server too, whoever asks.
    const updates = await suite.admin.call<{ updates: Update[] }>("GET", `/api/v1/incidents/${incident.id}/updates`);
    const draft = updates.json.updates[0];
    expect(draft.state).toBe("awaiting_approval");
    const refused = await suite.admin.call<{ error: { message: string } }>("POST", `/api/v1/updates/${draft.id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/awaiting approval/);

    // A second person approves in their own browser.
    const approver = await suite.signedInPage("approver", USERS.admin);
    await approver.page.goto(`/incidents/${incident.id}/comms`);
    await approver.page
      .getByTestId("update-card")
      .filter({ hasText: "Awaiting approval" })
      .getByRole("button", { name: "Approve", exact: true })
      .click();
    await approver.page.getByTestId("update-card").filter({ hasText: "Approved" }).waitFor();

    // The comms lead sees the approval arrive live and publishes.
    const approved = comms.page.getByTestId("update-card").filter({ hasText: "Approved" });
    await approved.waitFor({ timeout: 10_000 });
    await approved.getByRole("button", { name: "Publish" }).click();
    const published = Date.now();
    await comms.page.getByTestId("update-card").filter({ hasText: "Published" }).first().waitFor();

    // The reader's page shows it by itself, within 5 s.
    await reader.page.getByText(publicTitle).first().waitFor({ timeout: 5_000 });
    expect(Date.now() - published).toBeLessThan(5_000);
    const summary = await waitUntil(
      async () =>
        (await fetch(`${suite.server.baseUrl}/api/v2/summary.json`)).json() as Promise<{
          incidents: { name: string; impact: string }[];
          components: { id: string; status: string }[];
        }>,
      (s) => s.incidents.some((i) => i.name === publicTitle),
      "the incident in summary.json",
    );
    expect(summary.incidents.find((i) => i.name === publicTitle)!.impact).toBe("critical");
    expect(summary.components.find((c) => c.id === messages.id)!.status).toBe("major_outage");
    await screenshot(reader.page, "comms-approval--public-desktop");

    // The same page on a phone: no sideways scrolling, the incident on top.
    const phone = await suite.browser.newContext({
      baseURL: suite.server.baseUrl,
      viewport: { width: 375, height: 812 },
      timezoneId: "UTC",
    });
    try {
      const page = await phone.newPage();
      await page.goto("/status");
      await page.getByText(publicTitle).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(page, "comms-approval--public-phone");
    } finally {
      await phone.close();
    }
  });

  it("a timeline entry becomes a draft with one action; comms rewords and publishes it on a SEV2", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Embeddings latency"), severity: "SEV2" });
    const note = uniqueText("Embeddings requests in EU West take up to 4 s; other regions are normal.");
    const posted = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: note, kind: "customer-impact" });
    expect(posted.status).toBe(201);

    const responder = await suite.signedInPage("responder", USERS.responder);
    await responder.page.goto(`/incidents/${incident.id}`);
    const entry = responder.page.getByTestId("timeline-entry").filter({ hasText: note });
    await entry.hover();
    await entry.getByRole("button", { name: "To update" }).click();
    await responder.page.waitForURL((url) => url.pathname === `/incidents/${incident.id}/comms`);
    await responder.page.getByTestId("update-card").filter({ hasText: note }).waitFor();

    const comms = await suite.signedInPage("comms", USERS.comms);
    await comms.page.goto(`/incidents/${incident.id}/comms`);
    const draft = comms.page.getByTestId("update-card").filter({ hasText: note });
    await draft.getByRole("button", { name: "Edit" }).click();
    const reworded = `${note} We are adding capacity.`;
    await draft.getByLabel("Message").fill(reworded);
    await draft.getByRole("button", { name: "Save" }).click();
    const edited = comms.page.getByTestId("update-card").filter({ hasText: "We are adding capacity." });
    await edited.getByRole("button", { name: "Publish" }).click();
    await comms.page.getByTestId("update-card").filter({ hasText: "Published" }).filter({ hasText: "We are adding capacity." }).waitFor();

    const page = await (await fetch(`${suite.server.baseUrl}/status/incidents/${incident.id}`)).text();
    expect(page).toContain("We are adding capacity.");
  });
});
