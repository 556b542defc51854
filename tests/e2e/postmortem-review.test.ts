// A responder turns a generated first draft into a post-mortem ready for review: the checks
// beside the editor say what is missing and clear as they write; an action item gets an
// owner and a due date; they submit; a second person approves it in their own browser, and
// the editor becomes read-only for both.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("postmortem-review");

const editorOf = (page: Page, title: string) => page.getByRole("textbox", { name: title, exact: true });
const problems = (page: Page) => page.getByTestId("lint-problems").locator("li");
const rules = (page: Page) =>
  problems(page).evaluateAll((items) => items.map((li) => `${li.getAttribute("data-severity")}:${li.getAttribute("data-rule")}`));

/** Types a new paragraph at the end of a section. */
async function write(page: Page, section: string, text: string) {
  const editor = editorOf(page, section);
  await expect.poll(() => editor.getAttribute("contenteditable")).toBe("true");
  await editor.locator(":scope > *").last().click();
  await waitUntil(() => editor.evaluate((e) => e.contains(document.activeElement)), Boolean, `the ${section} editor to have focus`);
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text, { delay: 2 });
}

describe("reviewing a post-mortem", () => {
  it("shows what blocks review while the author writes, then goes to review and is approved by a second person", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Billing export stalled"), severity: "SEV2" });
    expect((await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);

    // The responder generates it from the incident's Post-mortem tab.
    const author = await suite.signedInPage("author", USERS.responder);
    await author.page.goto(`/incidents/${incident.id}`);
    await author.page.getByRole("link", { name: "Post-mortem", exact: true }).click();
    await author.page.getByRole("button", { name: "Generate the post-mortem" }).click();
    await author.page.waitForURL(/\/postmortems\/[^/]+\/edit$/);
    await author.page
      .getByTestId("collab-connection")
      .filter({ hasText: /Connected/ })
      .waitFor({ timeout: 20_000 });
    const postmortemId = author.page.url().split("/").at(-2)!;

    // The checks name what only a person can write; submitting is blocked, with the reason.
    await waitUntil(
      () => rules(author.page),
      (r) => r.includes("error:summary-empty") && r.includes("error:root-cause-empty"),
      "the first draft's errors",
    );
    await expect.poll(() => author.page.getByRole("button", { name: "Submit for review" }).isDisabled()).toBe(true);
    await author.page.getByText(/cannot be submitted yet/).waitFor();
    await screenshot(author.page, "postmortem-review--first-draft");

    // Writing clears them as the author goes, without a reload.
    await write(
      author.page,
      "Summary",
      "The nightly billing export stopped for three hours because its queue filled up; invoices went out a day late.",
    );
    await write(
      author.page,
      "Root cause and trigger",
      "The export queue had no size alarm, and a retry loop after a timeout kept refilling it.",
    );
    await waitUntil(
      () => rules(author.page),
      (r) => !r.includes("error:summary-empty") && !r.includes("error:root-cause-empty"),
      "the errors to clear while writing",
      20_000,
    );

    // Blameful words are a warning, not a block.
    await write(author.page, "Lessons learned", "Sofia should have checked the queue.");
    await waitUntil(
      () => rules(author.page),
      (r) => r.includes("warning:blameful-wording"),
      "the blame warning",
      20_000,
    );

    // An action item without an owner or due date is an error until it has both.
    const addForm = author.page.getByRole("form", { name: "Add an action item" });
    await addForm.getByLabel("Title").fill("Alarm on export queue depth");
    await addForm.getByRole("button", { name: "Add" }).click();
    await waitUntil(
      () => rules(author.page),
      (r) => r.includes("error:action-item-owner") && r.includes("error:action-item-due"),
      "the action item errors",
      20_000,
    );
    const row = author.page.getByRole("form", { name: "Action item: Alarm on export queue depth" });
    await row.getByLabel("Owner").selectOption({ label: "Dana Whitfield" });
    await row.getByLabel("Due").fill("2027-02-01");
    await row.getByRole("button", { name: "Save" }).click();
    await waitUntil(
      () => rules(author.page),
      (r) => !r.some((rule) => rule.startsWith("error:")),
      "no errors left",
      20_000,
    );

    await author.page.getByRole("button", { name: "Submit for review" }).click();
    await author.page.getByTestId("review-state").filter({ hasText: "In review" }).waitFor();
    // The author cannot approve their own: the button is disabled, with the reason.
    expect(await author.page.getByRole("button", { name: "Approve", exact: true }).isDisabled()).toBe(true);
    await author.page.getByText(/The author of a post-mortem cannot approve it/).waitFor();
    // Nor return it to themselves: that button is a reviewer's (decision 0042).
    expect(await author.page.getByRole("button", { name: "Return to the author" }).count()).toBe(0);
    await author.page
      .getByTestId("written-by")
      .filter({ hasText: /^\s*Written by Dana Whitfield\s*$/ })
      .waitFor();

    // A second person approves it; the editor is read-only for everyone after that.
    const reviewer = await suite.signedInPage("reviewer", USERS.admin);
    await reviewer.page.goto(`/postmortems/${postmortemId}/edit`);
    await reviewer.page.getByTestId("written-by").filter({ hasText: "Written by Dana Whitfield" }).waitFor();
    await reviewer.page.getByRole("button", { name: "Return to the author" }).waitFor();
    await reviewer.page.getByRole("button", { name: "Approve", exact: true }).click();
    await reviewer.page.getByTestId("review-state").filter({ hasText: "Approved" }).waitFor();
    await author.page.getByTestId("review-state").filter({ hasText: "Approved" }).waitFor({ timeout: 15_000 });
    await author.page.getByTestId("read-only-notice").waitFor({ timeout: 15_000 });
    expect(await editorOf(author.page, "Summary").getAttribute("contenteditable")).toBe("false");
    await screenshot(reviewer.page, "postmortem-review--approved");

    const stored = await suite.admin.call<{ postmortem: { state: string; sections: { key: string; markdown: string }[] } }>(
      "GET",
      `/api/v1/postmortems/${postmortemId}`,
    );
    expect(stored.json.postmortem.state).toBe("approved");
    const markdown = (key: string) => stored.json.postmortem.sections.find((s) => s.key === key)!.markdown;
    expect(markdown("root_cause")).toContain("no size alarm");
    // The lessons hold only what was written: the three questions are prompts, never stored text.
    expect(markdown("lessons").trim()).toBe("Sofia should have checked the queue.");
  });
});
