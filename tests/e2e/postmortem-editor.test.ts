// The post-mortem editor keeps what the incident's data wrote apart from what people write
// (issue 14 item 9, decision 0042): each section shows its generated part read-only, with its
// links and a "Refresh from the incident" button, above an empty writing area of its own. What
// is typed there is what the lint reads, and a root cause typed after the hypotheses stays a
// root cause. Refreshing rewrites the generated part only; the typing stays.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("postmortem-editor");

type Section = { key: string; markdown: string; written?: unknown };

/** A resolved incident with a hypothesis recorded during it, and its generated post-mortem. */
async function newPostmortem(summary: string): Promise<{ id: string; incidentId: string }> {
  const incident = await suite.admin.createIncident({ title: uniqueText("Checkout latency"), severity: "SEV2", summary });
  const hypothesis = await suite.admin.call("POST", `/api/v1/incidents/${incident.id}/timeline`, {
    body: "Hypothesis: the payment pool is exhausted.",
    kind: "hypothesis",
  });
  expect(hypothesis.status, JSON.stringify(hypothesis.json)).toBe(201);
  const resolved = await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" });
  expect(resolved.status, JSON.stringify(resolved.json)).toBe(200);
  const created = await suite.admin.call<{ postmortem: { id: string } }>("POST", `/api/v1/incidents/${incident.id}/postmortem`);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return { id: created.json.postmortem.id, incidentId: incident.id };
}

const writingArea = (page: Page, title: string) => page.getByRole("textbox", { name: title, exact: true });
const lintRules = (page: Page) =>
  page
    .getByTestId("lint-problems")
    .locator("li")
    .evaluateAll((items) => items.map((li) => li.getAttribute("data-rule")));

async function openEditor(page: Page, postmortemId: string): Promise<void> {
  await page.goto(`/postmortems/${postmortemId}/edit`);
  await page
    .getByTestId("collab-connection")
    .filter({ hasText: /^\s*Connected/ })
    .waitFor({ timeout: 20_000 });
  await writingArea(page, "Root cause and trigger").waitFor();
}

/** Types at the very end of a section's editable text, as someone adding to it would. */
async function typeAtEnd(page: Page, title: string, text: string): Promise<void> {
  await writingArea(page, title).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text, { delay: 2 });
}

async function sections(postmortemId: string): Promise<Section[]> {
  const res = await suite.admin.call<{ postmortem: { sections: Section[] } }>("GET", `/api/v1/postmortems/${postmortemId}`);
  expect(res.status).toBe(200);
  return res.json.postmortem.sections;
}

describe("the post-mortem editor", () => {
  it("the demo post-mortem's editor, for the record", async () => {
    const demo = await suite.admin.call<{ postmortem: { id: string } }>("GET", "/api/v1/incidents/INC-3/postmortem");
    expect(demo.status).toBe(200);
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await openEditor(page, demo.json.postmortem.id);
    // Published: read only, its written words still there after whatever migration.
    await page.getByTestId("read-only-notice").waitFor();
    expect(await page.getByTestId("section-root_cause").textContent()).toMatch(/\S{20,}/);
    await screenshot(page, "postmortem-editor--demo");
  });

  it("counts what people type, not the generated text, and keeps a root cause out of the hypotheses", async () => {
    const { id } = await newPostmortem("Checkout requests timed out for card payments.");
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await openEditor(page, id);
    await page.getByTestId("lint-problems").waitFor();
    expect(await lintRules(page)).toEqual(expect.arrayContaining(["summary-empty", "root-cause-empty"]));
    await screenshot(page, "postmortem-editor--fresh");

    const summary = uniqueText("A pool of database connections ran out, so checkout failed for 40 minutes.");
    const cause = uniqueText("The pool size was fixed at deploy time and never followed the traffic.");
    await typeAtEnd(page, "Summary", summary);
    await typeAtEnd(page, "Root cause and trigger", cause);

    // Stored within seconds; the checks beside the editor follow without a reload.
    await waitUntil(
      () => lintRules(page),
      (rules) => !rules.includes("summary-empty") && !rules.includes("root-cause-empty"),
      "the lint to see what was typed",
      20_000,
    );
    const stored = await sections(id);
    const rootCause = stored.find((s) => s.key === "root_cause")!.markdown;
    // The root cause is a paragraph of its own, after the hypotheses: never one more hypothesis.
    expect(rootCause).toContain(cause);
    expect(rootCause.split("\n").find((line) => line.includes(cause))).not.toMatch(/^\s*- /);
    expect(rootCause.indexOf("Hypothesis: the payment pool is exhausted.")).toBeLessThan(rootCause.indexOf(cause));
    await screenshot(page, "postmortem-editor--typed");
  });

  it("shows the generated part read-only with its links above an empty writing area, and refreshing it keeps the typing", async () => {
    const { id, incidentId } = await newPostmortem("Card payments failed at checkout.");
    const { page } = await suite.signedInPage("responder", USERS.responder);
    await openEditor(page, id);

    const generated = page.getByTestId("generated-summary");
    await generated.getByText("Card payments failed at checkout.", { exact: false }).waitFor();
    expect(await generated.locator(`a[href*="#field-"]`).count()).toBeGreaterThan(0);
    expect(await generated.locator("[contenteditable=true]").count()).toBe(0);
    const rootCauseGenerated = page.getByTestId("generated-root_cause");
    await rootCauseGenerated.getByText("Hypothesis: the payment pool is exhausted.", { exact: false }).waitFor();
    expect(await rootCauseGenerated.locator(`a[href*="#entry-"]`).count()).toBe(1);

    // The writing area starts empty, with a placeholder.
    const summaryArea = writingArea(page, "Summary");
    expect((await summaryArea.innerText()).trim()).toBe("");
    expect(await summaryArea.locator("[data-placeholder]").first().getAttribute("data-placeholder")).toMatch(/\S/);

    const typed = uniqueText("Checkout failed for card payments for 40 minutes.");
    await typeAtEnd(page, "Summary", typed);
    await waitUntil(
      async () => (await sections(id)).find((s) => s.key === "summary")!.markdown,
      (md) => md.includes(typed),
      "the typing to be stored",
      15_000,
    );

    // The incident's summary is corrected; the generated part follows on a refresh, the typing stays.
    const corrected = await suite.admin.call("PATCH", `/api/v1/incidents/${incidentId}`, {
      summary: "Card and wallet payments failed at checkout.",
    });
    expect(corrected.status, JSON.stringify(corrected.json)).toBe(200);
    await page.getByTestId("section-summary").getByRole("button", { name: "Refresh from the incident" }).click();
    await generated.getByText("Card and wallet payments failed at checkout.", { exact: false }).waitFor();
    expect(await summaryArea.innerText()).toContain(typed);
    expect(await generated.textContent()).not.toContain(typed);
    const summaryMarkdown = (await sections(id)).find((s) => s.key === "summary")!.markdown;
    expect(summaryMarkdown).toContain("Card and wallet payments failed at checkout.");
    expect(summaryMarkdown).toContain(typed);
    await screenshot(page, "postmortem-editor--refreshed");

    // A viewer sees the generated part but no refresh button.
    const viewer = await suite.signedInPage("viewer", USERS.viewer);
    await openEditor(viewer.page, id);
    await viewer.page.getByTestId("generated-summary").waitFor();
    expect(await viewer.page.getByRole("button", { name: "Refresh from the incident" }).count()).toBe(0);
  });
});
