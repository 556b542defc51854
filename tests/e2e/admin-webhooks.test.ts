// An admin adds a webhook endpoint in the page: one inside the network is refused with the
// reason; an allowed one receives the next published update and shows the delivery's status.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("admin-webhooks", { env: { WEBHOOK_ALLOWED_HOSTS: "localhost" } });

describe("webhook endpoints in the admin area", () => {
  const calls: string[] = [];
  let receiver: http.Server;
  let url = "";
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        calls.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://localhost:${(receiver.address() as AddressInfo).port}/statuspage`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("refuses an address inside the network, then delivers to an allowed endpoint and shows the status code", async () => {
    const { page } = await suite.signedInPage("admin", USERS.admin);
    await page.goto("/admin/webhooks");
    await page.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data");
    await page.getByLabel("Secret").fill("a-secret-of-twenty-chars");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText(/169\.254\.169\.254 is the cloud metadata service/).waitFor();

    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Secret").fill("a-secret-of-twenty-chars");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByTestId("webhook").filter({ hasText: url }).waitFor();

    const incident = await suite.admin.createIncident({ title: "Webhook page drill", severity: "SEV3" });
    const published = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/updates`, {
      status: "investigating",
      body: "Looking into it.",
      publish: true,
    });
    expect(published.status).toBe(201);
    await expect.poll(() => calls.some((c) => c.includes(incident.id)), { timeout: 10_000 }).toBe(true);

    await expect
      .poll(
        async () => {
          await page.goto("/admin/webhooks");
          return page.getByTestId("webhook").filter({ hasText: url }).textContent();
        },
        { timeout: 10_000 },
      )
      .toMatch(/sent\s*204/);
    await screenshot(page, "admin-webhooks");
  });
});
