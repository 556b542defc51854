// A reader subscribes on the public page, confirms through the link in the outbox, gets the
// notice of a published update with one-click unsubscribe headers, unsubscribes the way a
// mail client does (a bare POST), and gets nothing from the next update.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("subscribe-notices");

type Update = { id: string; state: string };
type Report = { total: number; byChannel: { email: Record<string, number> } };

/** The outbox's emails to this address, newest first, as the admin page lists them. */
async function outboxSubjects(page: Page, email: string): Promise<string[]> {
  await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
  return page.getByTestId("outbox-email").allInnerTexts();
}

async function openNewest(page: Page, email: string, subject: RegExp): Promise<string> {
  await waitUntil(
    () => outboxSubjects(page, email),
    (list) => list.some((s) => subject.test(s)),
    `an email "${subject}" to ${email} in the outbox`,
    15_000,
    500,
  );
  await page.getByTestId("outbox-email").filter({ hasText: subject }).first().click();
  await page.getByTestId("outbox-detail").waitFor();
  return page.getByTestId("outbox-detail").innerText();
}

/** The same path on the test server (the email carries the page's public URL). */
const onServer = (url: string) => `${suite.server.baseUrl}${new URL(url).pathname}`;

async function publishUpdate(incidentId: string, body: string, componentId: string): Promise<Update> {
  const res = await suite.admin.call<{ update: Update }>("POST", `/api/v1/incidents/${incidentId}/updates`, {
    status: "investigating",
    body,
    components: [{ id: componentId, status: "partial_outage" }],
    notify: true,
    publish: true,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  expect(res.json.update.state).toBe("published");
  return res.json.update;
}

async function settledReport(updateId: string): Promise<Report> {
  return waitUntil(
    async () => (await suite.admin.call<{ deliveries: Report }>("GET", `/api/v1/updates/${updateId}/deliveries`)).json.deliveries,
    (r) => r.byChannel.email.queued + r.byChannel.email.sending === 0,
    "the update's emails are no longer queued",
    15_000,
    250,
  );
}

describe("email notices", () => {
  it("subscribe, confirm, get a notice, unsubscribe with one click, get nothing more", async () => {
    const email = `reader-${Date.now().toString(36)}@example.com`;
    const components = await suite.admin.call<{ components: { id: string; name: string; group?: boolean }[] }>("GET", "/api/v1/components");
    const messages = components.json.components.find((c) => c.name === "Messages" && !c.group)!;

    // The reader subscribes on the public page, with JavaScript off: the form is plain HTML.
    const reader = await suite.browser.newContext({
      baseURL: suite.server.baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 1100, height: 900 },
    });
    try {
      const page = await reader.newPage();
      await page.goto("/status");
      // the header's "Subscribe to updates" opens the form (a <details>: no script needed)
      const form = page.locator("#subscribe");
      await form.locator(":scope > summary").click();
      await form.getByText("Only some components").click();
      await form.getByLabel("Messages", { exact: true }).check();
      await form.getByLabel("Email address").fill("not an address");
      await screenshot(page, "subscribe-notices--public-form");
      await form.getByRole("button", { name: "Subscribe", exact: true }).click();
      // refused with the reason, the choice kept
      await page.getByText("The email address must be a single plain address.").waitFor();
      expect(await page.getByLabel("Messages", { exact: true }).isChecked()).toBe(true);
      await screenshot(page, "subscribe-notices--public-form-refused");
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Subscribe" }).click();
      await page.getByRole("heading", { name: "Check your inbox" }).waitFor();

      // The confirmation email lands in the outbox, without List-Unsubscribe (nothing to leave yet).
      const admin = await suite.signedInPage("admin", USERS.admin);
      const confirmation = await openNewest(admin.page, email, /Confirm your subscription/);
      expect(confirmation).not.toContain("List-Unsubscribe");
      const confirmUrl = /https?:\/\/\S+\/status\/subscriptions\/[\w-]+\/confirm/.exec(
        await admin.page.getByTestId("outbox-text").innerText(),
      )![0];
      await screenshot(admin.page, "subscribe-notices--outbox-confirmation");

      // Opening the link changes nothing (mail scanners open links); the button confirms.
      await page.goto(onServer(confirmUrl));
      await page.getByRole("button", { name: "Confirm my subscription" }).waitFor();
      const before = await suite.admin.call<{ subscribers: { email: string; confirmedAt: string | null }[] }>(
        "GET",
        `/api/v1/subscribers?search=${encodeURIComponent(email)}`,
      );
      expect(before.json.subscribers[0].confirmedAt).toBeNull();
      await screenshot(page, "subscribe-notices--confirm-page");
      await page.getByRole("button", { name: "Confirm my subscription" }).click();
      await page.getByRole("heading", { name: "Subscription confirmed" }).waitFor();
      expect(await page.locator("main").innerText()).toContain("Messages");

      // An update about Messages reaches the reader, with the one-click unsubscribe headers.
      const incident = await suite.admin.createIncident({ title: uniqueText("Messages API errors"), severity: "SEV2" });
      const first = await publishUpdate(incident.id, uniqueText("We are looking into errors on the Messages API."), messages.id);
      const notice = await openNewest(admin.page, email, /Messages API errors/);
      const unsubscribeUrl = /List-Unsubscribe\s+<(https?:\/\/\S+\/unsubscribe)>/.exec(notice)?.[1];
      expect(unsubscribeUrl, notice).toBeTruthy();
      expect(notice).toMatch(/List-Unsubscribe-Post\s+List-Unsubscribe=One-Click/);
      await screenshot(admin.page, "subscribe-notices--outbox-notice");
      expect((await settledReport(first.id)).byChannel.email.sent).toBe(1);

      // The comms tab shows the audience and how the published update's emails went.
      await admin.page.goto(`/incidents/${incident.id}/comms`);
      await admin.page
        .getByTestId("audience")
        .filter({ hasText: /will reach 1 subscriber\b/ })
        .waitFor();
      await admin.page
        .getByTestId("delivery-counts")
        .filter({ hasText: /0 queued · 1 sent/ })
        .waitFor();
      await screenshot(admin.page, "subscribe-notices--comms");

      // The mail client's one-click POST: no cookies, no Origin, just the form body of RFC 8058.
      const oneClick = await fetch(onServer(unsubscribeUrl!), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(oneClick.status).toBe(200);
      expect(await oneClick.text()).toContain("You are unsubscribed");

      // The next update goes to nobody; the outbox has nothing new for the reader.
      const emailsBefore = (await outboxSubjects(admin.page, email)).length;
      const second = await publishUpdate(incident.id, uniqueText("A fix is being rolled out."), messages.id);
      expect((await settledReport(second.id)).byChannel.email.sent).toBe(0);
      expect((await outboxSubjects(admin.page, email)).length).toBe(emailsBefore);
    } finally {
      await reader.close();
    }
  });

  it("refuses a bad address with 422 and answers 404 to an unknown link", async () => {
    const refused = await fetch(`${suite.server.baseUrl}/status/subscribe`, {
      method: "POST",
      body: new URLSearchParams({ email: "a@example.com\r\nBcc: b@example.com" }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("must be a single plain address");
    const unknown = await fetch(`${suite.server.baseUrl}/status/subscriptions/${"x".repeat(32)}/unsubscribe`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("This link does not work");
    const page = await fetch(`${suite.server.baseUrl}/status`).then((r) => r.text());
    expect(page).toContain('action="/status/subscribe"');
  });
});
