// One clock in Chromium (decision 0040): a reader whose browser is in Los Angeles is offered that
// zone on first sign-in and, once it is theirs, reads the room's times as "10:25 PST" with the UTC
// time on hover; another declines the offer (it stays declined) and sets the zone on the account page.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot, waitForHydration } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";
import { signIn, uniqueText } from "./support/app.ts";

const suite = useSuite("time-zones");
const LA = "America/Los_Angeles";
const PASSWORD = "plum tractor seventeen";

/** "10:25 PST" as Chromium's own Intl writes it for Los Angeles. */
function losAngeles(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: LA,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

async function newPerson(label: string): Promise<string> {
  const email = `${label}-${Date.now()}@northwind.example`;
  const made = await suite.admin.call("POST", "/api/v1/users", { name: `Clock ${label}`, email, role: "responder", password: PASSWORD });
  expect(made.status, JSON.stringify(made.json)).toBe(201);
  return email;
}

async function incidentWithEntry(text: string, at: Date): Promise<string> {
  const incident = await suite.admin.createIncident({ title: `Clock check ${text}`, severity: "SEV3" });
  const entry = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: text, occurredAt: at.toISOString() });
  expect(entry.status, JSON.stringify(entry.json)).toBe(201);
  return incident.id;
}

async function entryTime(page: Page, incidentId: string, text: string) {
  await page.goto(`/incidents/${incidentId}`);
  const time = page.getByTestId("timeline-entry").filter({ hasText: text }).locator("time").first();
  await time.waitFor();
  return { text: (await time.innerText()).trim(), title: await time.getAttribute("title") };
}

describe("one clock", () => {
  it("offers the browser's zone on first sign-in; taking it shows the room's times in PST/PDT with UTC on hover", async () => {
    const email = await newPerson("offer");
    const at = new Date(Date.now() - 2 * 3600_000);
    const text = uniqueText("clock entry");
    const incidentId = await incidentWithEntry(text, at);
    const { page } = await suite.newPage("los-angeles", undefined, { timezoneId: LA });
    await signIn(page, email, PASSWORD);
    await waitForHydration(page);

    // before: a UTC reader, told so
    const before = await entryTime(page, incidentId, text);
    expect(before.text).toBe(`${at.toISOString().slice(11, 16)} UTC`);

    const offer = page.getByRole("region", { name: "Your time zone" });
    await offer.getByText(`Your browser says ${LA}`).waitFor();
    await screenshot(page, "time-zones--offer");
    await offer.getByRole("button", { name: `Use ${LA}` }).click();
    await offer.waitFor({ state: "detached" });

    const after = await entryTime(page, incidentId, text);
    expect(after.text).toBe(losAngeles(at));
    expect(after.text).toMatch(/^\d\d:\d\d P[SD]T$/);
    expect(after.title).toBe(
      `${at.getUTCDate()} ${at.toLocaleString("en-GB", { month: "short", timeZone: "UTC" })} ${at.getUTCFullYear()} ${at.toISOString().slice(11, 16)} UTC`,
    );
    // the milestone inputs say which zone they are read in
    await page.getByText(/^Milestones \(P[SD]T\)$/).waitFor();
    await page.getByRole("region", { name: "Your time zone" }).waitFor({ state: "detached" });
    await screenshot(page, "time-zones--room");
  });

  it("keeps a declined offer declined, and sets the zone on the account page", async () => {
    const email = await newPerson("account");
    const at = new Date(Date.now() - 3 * 3600_000);
    const text = uniqueText("account entry");
    const incidentId = await incidentWithEntry(text, at);
    const { page } = await suite.newPage("paris", undefined, { timezoneId: "Europe/Paris" });
    await signIn(page, email, PASSWORD);
    await waitForHydration(page);

    const offer = page.getByRole("region", { name: "Your time zone" });
    await offer.getByText("Your browser says Europe/Paris").waitFor();
    await offer.getByRole("button", { name: "Keep UTC" }).click();
    await offer.waitFor({ state: "detached" });
    await page.goto("/incidents");
    await waitForHydration(page);
    await page.waitForTimeout(300);
    expect(await offer.count(), "a declined offer is not made again").toBe(0);

    await page.goto("/account");
    await waitForHydration(page);
    const select = page.getByLabel("Your time zone");
    expect(await select.inputValue()).toBe("Etc/UTC");
    await select.selectOption(LA);
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByRole("status").filter({ hasText: "Time zone saved." }).waitFor();
    expect(await select.inputValue()).toBe(LA);
    await screenshot(page, "time-zones--account");

    const after = await entryTime(page, incidentId, text);
    expect(after.text).toBe(losAngeles(at));
    expect(after.title).toMatch(/ UTC$/);
  });

  it("lets an admin set someone's zone on Admin → Users, and the page's zone is picked from a list", async () => {
    const email = await newPerson("admin-set");
    const { page } = await suite.signedInPage("admin", "admin@northwind.example");
    await page.goto("/admin/users");
    await waitForHydration(page);
    const row = page.getByTestId("user-row").filter({ hasText: email });
    const select = row.getByLabel(/^Time zone of /);
    expect(await select.inputValue()).toBe("Etc/UTC");
    await select.selectOption("Asia/Tokyo");
    await row.getByRole("button", { name: "Set" }).click();
    await row.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await screenshot(page, "time-zones--admin-users");
    const users = await suite.admin.call<{ users: { email: string; timeZone: string }[] }>("GET", "/api/v1/users");
    expect(users.json.users.find((u) => u.email === email)?.timeZone).toBe("Asia/Tokyo");

    await page.goto("/admin/settings");
    const zone = page.getByLabel("Time zone");
    expect(await zone.evaluate((el) => el.tagName)).toBe("SELECT");
    expect(await zone.inputValue()).toBe("America/Los_Angeles");
    await screenshot(page, "time-zones--settings");
  });
});
