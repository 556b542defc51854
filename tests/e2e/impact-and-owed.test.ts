// Issue 14 in Chromium: correcting Started in the room offers to move the impact windows with
// it and the impact table shows them moved; a window is corrected by hand in that table; and
// /postmortems lists the post-mortems owed above the list. Screenshots: test-results/e2e/impact-and-owed--*.png.
import { describe, expect, it } from "vitest";
import { USERS, waitForLive, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("impact-and-owed");
const MINUTE = 60_000;

/** The datetime-local value of an instant as a Los Angeles wall clock reads it. */
function losAngelesInput(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Los_Angeles",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

/** Declared yesterday at 10:30 UTC with the Embeddings API down, resolved at 11:00: Started was really 10:15. */
async function declaredLate() {
  const day = new Date(Date.now() - 24 * 60 * MINUTE);
  const T = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, 30);
  const at = (m: number) => new Date(T + m * MINUTE).toISOString();
  const { components } = (
    await suite.admin.call<{ components: { id: string; name: string; group: boolean }[] }>("GET", "/api/v1/components")
  ).json;
  const embeddings = components.find((c) => c.name === "Embeddings" && !c.group)!.id;
  const created = await suite.admin.call<{ incident: { id: string; ref: string } }>("POST", "/api/v1/incidents", {
    title: "Embeddings requests time out",
    // SEV3 owes no post-mortem: the owed list below holds the demo's alone.
    severity: "SEV3",
    startedAt: at(0),
    detectedAt: at(0),
    components: [{ id: embeddings, impact: "major_outage" }],
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const resolved = await suite.admin.call("PATCH", `/api/v1/incidents/${created.json.incident.id}`, {
    status: "resolved",
    resolvedAt: at(30),
    mitigatedAt: at(30),
  });
  expect(resolved.status, JSON.stringify(resolved.json)).toBe(200);
  return { ...created.json.incident, at };
}

describe("correcting the milestones and the impact in the room", () => {
  it("offers to move the impact windows with a corrected Started, and the impact table shows them moved", async () => {
    const incident = await declaredLate();
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await page.goto(`/incidents/${incident.ref}`);
    await waitForLive(page);

    // the impact table and the milestones are in the header's details (decision 0044)
    await page.getByTestId("incident-details").locator("summary").first().click();
    const impact = page.locator("#field-impact");
    await impact.locator("summary").click();
    const table = page.getByTestId("impact-history");
    await table.locator(`time[datetime="${incident.at(0)}"]`).waitFor();

    await page.getByText("Correct a milestone by hand").click();
    // the responder reads and types milestones in their own zone, America/Los_Angeles (decision 0040)
    const started = page.getByLabel(/^Started \(P[SD]T\)$/);
    await started.fill(losAngelesInput(incident.at(-15)));
    const move = page.getByLabel(/Move the impact windows with it/);
    expect(await move.isChecked()).toBe(true);
    await screenshot(page, "impact-and-owed--correct-started");
    await page.getByRole("button", { name: "Save milestones" }).click();

    // The stream brings the moved window into the table; the header's Started follows.
    await table.locator(`time[datetime="${incident.at(-15)}"]`).waitFor();
    expect(await table.locator(`time[datetime="${incident.at(0)}"]`).count()).toBe(0);
    expect(await table.locator("tbody tr").first().innerText()).toMatch(/45m 00s/);
    await page.locator(`#field-startedAt time[datetime="${incident.at(-15)}"]`).waitFor();
    await screenshot(page, "impact-and-owed--windows-moved");

    const stored = await suite.admin.incident(incident.id);
    expect(stored.impactHistory).toMatchObject([{ impact: "major_outage", startedAt: incident.at(-15), endedAt: incident.at(30) }]);
  });

  it("corrects a window by hand in the impact table, and refuses one outside the incident by naming it", async () => {
    const incident = await declaredLate();
    const { page } = await suite.signedInPage("responder-table", USERS.responder);
    await page.goto(`/incidents/${incident.ref}`);
    await waitForLive(page);
    await page.getByTestId("incident-details").locator("summary").first().click();
    await page.locator("#field-impact summary").click();
    const editor = page.getByRole("form", { name: "Correct the impact windows" });

    // the table shows and takes times in the responder's zone, America/Los_Angeles, and says so (decision 0040)
    await editor.getByRole("columnheader", { name: /^From \(P[SD]T\)$/ }).waitFor();
    expect(await editor.getByLabel("From (Embeddings)").inputValue()).toBe(losAngelesInput(incident.at(0)));

    // Until before From: refused, with the reason beside the field; nothing is stored.
    await editor.getByLabel("Until (Embeddings)").fill(losAngelesInput(incident.at(-5)));
    await editor.getByRole("button", { name: "Save impact windows" }).click();
    await editor.getByRole("alert").filter({ hasText: "must be after the window's start" }).waitFor();

    await editor.getByLabel("Until (Embeddings)").fill(losAngelesInput(incident.at(20)));
    await editor.getByLabel("Impact of Embeddings").selectOption("partial_outage");
    await editor.getByRole("button", { name: "Add a window for Embeddings" }).click();
    expect(await editor.getByLabel("Impact of Embeddings").count()).toBe(2);
    await editor.getByLabel("Impact of Embeddings").nth(1).selectOption("degraded_performance");
    await editor.getByRole("button", { name: "Save impact windows" }).click();

    const table = page.getByTestId("impact-history");
    await waitUntil(
      () => table.locator("tbody tr").count(),
      (n) => n === 2,
      "the table shows both windows",
    );
    expect(await table.locator("tbody tr").nth(0).innerText()).toMatch(/partial outage[^]*20m 00s/);
    expect(await table.locator("tbody tr").nth(1).innerText()).toMatch(/degraded performance[^]*10m 00s/);
    await screenshot(page, "impact-and-owed--windows-edited");
    const stored = await suite.admin.incident(incident.id);
    expect(stored.impactHistory).toMatchObject([
      { impact: "partial_outage", startedAt: incident.at(0), endedAt: incident.at(20) },
      { impact: "degraded_performance", startedAt: incident.at(20), endedAt: incident.at(30) },
    ]);
  });
});

describe("post-mortems owed", () => {
  it("are listed above the post-mortems, overdue with the days, linking to where one is written", async () => {
    const { page } = await suite.signedInPage("viewer", USERS.viewer);
    await page.goto("/postmortems");
    await page.getByRole("heading", { name: /^Owed/ }).waitFor();
    // The demo: the SEV2 streaming slowdown seven weeks ago has none; the outage's is published.
    const owed = page.getByTestId("owed-row");
    expect(await owed.count()).toBe(1);
    expect(await owed.innerText()).toMatch(/INC-2[^]*SEV2[^]*Overdue by \d+ days[^]*Not started/);
    expect(await page.getByRole("heading", { name: /^Owed/ }).innerText()).toBe("Owed (1, 1 overdue)");
    await screenshot(page, "impact-and-owed--owed-list");
    await owed.getByRole("link").click();
    await page.waitForURL(/\/incidents\/INC-2\/postmortem$/);
  });
});
