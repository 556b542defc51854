// The two-person rule means two people. In the comms tab: a responder drafts a SEV1 update, a
// comms lead rewrites it, and the comms lead's Approve button is disabled with the reason,
// beside who wrote the text; a forged approval from their browser is refused. Someone who
// wrote none of it approves, and the comms lead sees it live. On a post-mortem's review panel:
// a responder who typed in it live sees Approve disabled, with the reason.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("two-person-rule");

type Update = { id: string; state: string; body: string; approvedBy: { name: string } | null; contributors: { name: string }[] };

describe("the two-person rule in the comms tab", () => {
  it("shows who wrote an update beside Approve, and keeps an editor from approving it", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Checkout errors"), severity: "SEV1" });
    const original = uniqueText("Checkout fails for some customers; we are investigating.");
    const updates = async () =>
      (await suite.admin.call<{ updates: Update[] }>("GET", `/api/v1/incidents/${incident.id}/updates`)).json.updates;

    // Dana, a responder, drafts it and sends it for approval.
    const dana = await suite.signedInPage("author", USERS.responder);
    await dana.page.goto(`/incidents/${incident.id}/comms`);
    await dana.page.getByLabel("Message", { exact: true }).fill(original);
    await dana.page.getByRole("button", { name: "Save draft" }).click();
    await dana.page.getByTestId("update-card").filter({ hasText: original }).getByRole("button", { name: "Send for approval" }).click();
    await dana.page.getByTestId("update-card").filter({ hasText: "Awaiting approval" }).waitFor();

    // Elena, the comms lead, rewrites it in her own browser.
    const elena = await suite.signedInPage("editor", USERS.comms);
    await elena.page.goto(`/incidents/${incident.id}/comms`);
    // The card is found by its update, not its words: they change as she types.
    const [drafted] = (await updates()).filter((u) => u.body === original);
    const card = elena.page.locator(`#update-${drafted.id}`);
    await card.getByRole("button", { name: "Approve", exact: true }).waitFor();
    await card.getByRole("button", { name: "Edit" }).click();
    const rewritten = uniqueText("All fixed. No customer was affected.");
    await card.getByLabel("Message").fill(rewritten);
    await card.getByRole("button", { name: "Save" }).click();

    // Beside Approve: who wrote it; Approve is disabled for her, and says why.
    const edited = elena.page.getByTestId("update-card").filter({ hasText: rewritten });
    await edited.getByTestId("written-by").filter({ hasText: "Written by Dana Whitfield, edited by Elena Marsh" }).waitFor();
    const approve = edited.getByRole("button", { name: "Approve", exact: true });
    await expect.poll(() => approve.isDisabled()).toBe(true);
    const reason = edited.getByTestId("approve-refused");
    expect(await reason.textContent()).toBe("You edited this update's text; someone who did not must approve it.");
    expect(await approve.getAttribute("aria-describedby")).toBe(await reason.getAttribute("id"));
    await screenshot(elena.page, "two-person-rule--editor");

    // A forged approval from her browser (the form's own post, without the button) is refused.
    const [update] = await updates();
    expect(update).toMatchObject({
      body: rewritten,
      state: "awaiting_approval",
      contributors: [{ name: "Dana Whitfield" }, { name: "Elena Marsh" }],
    });
    const forged = await elena.page.evaluate(async (updateId) => {
      const response = await fetch(location.pathname, { method: "POST", body: new URLSearchParams({ intent: "approve", updateId }) });
      return response.status;
    }, update.id);
    expect(forged).toBe(403);
    expect((await updates())[0]).toMatchObject({ state: "awaiting_approval", approvedBy: null });

    // Dana sees who edited her words, and cannot approve either.
    const danasCard = dana.page.getByTestId("update-card").filter({ hasText: rewritten });
    await danasCard.getByTestId("written-by").filter({ hasText: "edited by Elena Marsh" }).waitFor({ timeout: 10_000 });
    expect(await danasCard.getByRole("button", { name: "Approve", exact: true }).isDisabled()).toBe(true);

    // Priya wrote none of it: her Approve works, and Elena's tab shows the approval live.
    const priya = await suite.signedInPage("approver", USERS.admin);
    await priya.page.goto(`/incidents/${incident.id}/comms`);
    const priyasCard = priya.page.getByTestId("update-card").filter({ hasText: rewritten });
    await priyasCard.getByTestId("written-by").filter({ hasText: "Written by Dana Whitfield, edited by Elena Marsh" }).waitFor();
    expect(await priyasCard.getByTestId("approve-refused").count()).toBe(0);
    await priyasCard.getByRole("button", { name: "Approve", exact: true }).click();
    await priya.page.getByTestId("update-card").filter({ hasText: "Approved" }).waitFor();
    await elena.page
      .getByTestId("update-card")
      .filter({ hasText: "Approved" })
      .getByRole("button", { name: "Publish" })
      .waitFor({ timeout: 10_000 });
    expect((await updates())[0]).toMatchObject({ state: "approved", approvedBy: { name: "Priya Raman" } });
  });
});

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** Types a new paragraph at the end of a section of the live editor. */
async function write(page: Page, section: string, text: string) {
  const editor = page.getByRole("textbox", { name: section, exact: true });
  await expect.poll(() => editor.getAttribute("contenteditable")).toBe("true");
  await editor.locator(":scope > *").last().click();
  await waitUntil(() => editor.evaluate((e) => e.contains(document.activeElement)), Boolean, `the ${section} editor to have focus`);
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text, { delay: 2 });
}

describe("the two-person rule on a post-mortem's review panel", () => {
  it("disables Approve, with the reason, for a responder who edited it live; someone who wrote none of it approves", async () => {
    const incident = await suite.admin.createIncident({ title: uniqueText("Search index stale"), severity: "SEV2" });
    expect((await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    // Priya (admin) generates it and writes what lint asks for, then submits it.
    const generated = await suite.admin.call<{ postmortem: { id: string } }>("POST", `/api/v1/incidents/${incident.id}/postmortem`);
    const id = generated.json.postmortem.id;
    const sections = {
      summary: "Search results were up to two hours old because the indexer stalled on a poisoned document.",
      impact: "About 12% of searches returned stale results for 2 hours.",
      root_cause: "The indexer retried a malformed document forever instead of setting it aside.",
    };
    for (const [key, text] of Object.entries(sections)) {
      expect((await suite.admin.call("PUT", `/api/v1/postmortems/${id}/sections/${key}`, { doc: paragraph(text) })).status).toBe(200);
    }
    const item = await suite.admin.call("POST", `/api/v1/postmortems/${id}/action-items`, {
      title: "Dead-letter poisoned documents",
      kind: "prevent",
      ownerEmail: USERS.responder,
      dueAt: "2030-01-31",
    });
    expect(item.status).toBe(201);
    expect((await suite.admin.call("POST", `/api/v1/postmortems/${id}/review`, { action: "submit" })).status).toBe(200);

    // Dana, a responder, adds a sentence in the live editor.
    const dana = await suite.signedInPage("editor", USERS.responder);
    await dana.page.goto(`/postmortems/${id}/edit`);
    await dana.page
      .getByTestId("collab-connection")
      .filter({ hasText: /Connected/ })
      .waitFor({ timeout: 20_000 });
    await write(dana.page, "Root cause and trigger", "Nothing alerted on the indexer's lag.");
    await waitUntil(
      async () =>
        (
          await suite.admin.call<{ postmortem: { contributors: { name: string }[] } }>("GET", `/api/v1/postmortems/${id}`)
        ).json.postmortem.contributors.map((c) => c.name),
      (names) => names.includes("Dana Whitfield"),
      "Dana among the contributors once her words are stored",
      20_000,
    );

    // Her panel says who wrote it, and why she cannot approve.
    await dana.page
      .getByTestId("written-by")
      .filter({ hasText: "Written by Priya Raman, edited by Dana Whitfield" })
      .waitFor({ timeout: 15_000 });
    const approve = dana.page.getByRole("button", { name: "Approve", exact: true });
    await expect.poll(() => approve.isDisabled(), { timeout: 15_000 }).toBe(true);
    await dana.page.getByText("You edited this post-mortem's text; someone who did not must approve it.").waitFor();
    await screenshot(dana.page, "two-person-rule--postmortem-editor");

    // Kenji wrote none of it: his Approve works.
    const kenji = await suite.signedInPage("reviewer", "kenji.tanaka@northwind.example");
    await kenji.page.goto(`/postmortems/${id}/edit`);
    await kenji.page.getByTestId("written-by").filter({ hasText: "Written by Priya Raman, edited by Dana Whitfield" }).waitFor();
    await kenji.page.getByRole("button", { name: "Approve", exact: true }).click();
    await kenji.page.getByTestId("review-state").filter({ hasText: "Approved" }).waitFor();
  });
});
