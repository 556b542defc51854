// Comms watches a published update's notices in the comms tab while Resend reports a bounce
// through its signed webhook: the counts move to "1 bounced" without a reload, the mail
// server's reason is among the failures, and the admin's subscriber list marks the address.
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startResendStandIn } from "../setup/resend-stand-in.ts";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const standIn = await startResendStandIn();
const suite = useSuite("email-bounces", {
  env: { RESEND_API_KEY: standIn.apiKey, RESEND_BASE_URL: standIn.url, EMAIL_REQUESTS_PER_SECOND: "50", RESEND_WEBHOOK_SECRET: SECRET },
});
afterAll(() => standIn.close());

type Report = { byChannel: { email: Record<string, number> } };

async function postSignedEvent(event: unknown): Promise<Response> {
  const body = JSON.stringify(event);
  const id = `msg_${randomBytes(12).toString("hex")}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", Buffer.from(SECRET.slice("whsec_".length), "base64"))
    .update(`${id}.${timestamp}.${body}`)
    .digest("base64");
  return fetch(`${suite.server.baseUrl}/api/v1/email-events`, {
    method: "POST",
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` },
    body,
  });
}

describe("bounces in the comms tab", () => {
  it("shows a bounce reported after sending, live, with its reason; the subscriber list marks the address", async () => {
    const stamp = Date.now().toString(36);
    const [gone, fine] = [`gone-${stamp}@example.com`, `fine-${stamp}@example.com`];
    for (const email of [gone, fine]) {
      expect((await suite.admin.call("POST", "/api/v1/subscribers", { email, confirmedAt: new Date().toISOString() })).status).toBe(201);
    }
    const incident = await suite.admin.createIncident({ title: uniqueText("Checkout errors"), severity: "SEV3" });
    const published = await suite.admin.call<{ update: { id: string } }>("POST", `/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      body: "Looking into it.",
      notify: true,
      publish: true,
    });
    expect(published.status).toBe(201);
    const updateId = published.json.update.id;
    await waitUntil(
      async () =>
        (await suite.admin.call<{ deliveries: Report }>("GET", `/api/v1/updates/${updateId}/deliveries`)).json.deliveries.byChannel.email
          .sent,
      (sent) => sent === 2,
      "both notices sent",
      15_000,
      250,
    );

    const comms = await suite.signedInPage("comms", USERS.comms);
    await comms.page.goto(`/incidents/${incident.id}/comms`);
    const counts = comms.page.getByTestId("delivery-counts");
    await counts.filter({ hasText: /0 queued · 2 sent .* 0 bounced/ }).waitFor();

    const providerId = standIn.received.find((e) => e.to.includes(gone))!.id;
    const response = await postSignedEvent({
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: {
        email_id: providerId,
        to: [gone],
        from: "Status <status@example.com>",
        subject: "Checkout errors",
        bounce: { type: "Permanent", subType: "General", message: "550 5.1.1 No such user" },
      },
    });
    expect(response.status).toBe(200);

    // The tab asks again every half minute once everything is sent.
    await counts.filter({ hasText: /1 sent .* 1 bounced/ }).waitFor({ timeout: 45_000 });
    await counts.getByText(/Last errors and bounces \(1\)/).click();
    const reason = counts.getByRole("listitem").filter({ hasText: gone });
    await reason.filter({ hasText: "Permanent bounce (General): 550 5.1.1 No such user" }).waitFor();
    expect(await reason.innerText()).not.toMatch(/HTTP 200/);
    await screenshot(comms.page, "email-bounces--comms");

    const admin = await suite.signedInPage("admin", USERS.admin);
    await admin.page.goto(`/admin/subscribers?q=${encodeURIComponent(stamp)}`);
    const row = (email: string) => admin.page.getByTestId("subscriber-row").filter({ hasText: email });
    await row(gone).getByText("Bounced", { exact: true }).waitFor();
    await row(gone).getByTestId("bounced-at").waitFor();
    expect(await row(fine).innerText()).toContain("Confirmed");
    await screenshot(admin.page, "email-bounces--subscribers");
  }, 90_000);
});
