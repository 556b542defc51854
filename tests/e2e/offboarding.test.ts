// An admin disables someone who has a post-mortem open in the live editor (issue 13, item 2): within
// a few seconds their editor stops taking edits and says why, and nothing they type after the
// disable is stored, under their name or any other. Today the open editor kept writing.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signIn, uniqueText, USERS, waitUntil } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("offboarding");
const PASSWORD = "plum tractor seventeen";

const editorOf = (page: Page, title: string) => page.getByRole("textbox", { name: title, exact: true });

async function storedMarkdown(postmortemId: string, key: string): Promise<string> {
  const res = await suite.admin.call<{ postmortem: { sections: { key: string; markdown: string }[] } }>(
    "GET",
    `/api/v1/postmortems/${postmortemId}`,
  );
  return res.json.postmortem.sections.find((s) => s.key === key)?.markdown ?? "";
}

/** A new responder of this test's own, signed in, with a new post-mortem open in the live editor and a first sentence stored. */
async function writerEditing(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now().toString(36)}@northwind.example`;
  const added = await suite.admin.call<{ user: { id: string } }>("POST", "/api/v1/users", {
    email,
    name,
    role: "responder",
    password: PASSWORD,
  });
  expect(added.status, JSON.stringify(added.json)).toBe(201);
  const incident = await suite.admin.createIncident({ title: uniqueText("Cache stampede"), severity: "SEV2" });
  expect((await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
  const created = await suite.admin.call<{ postmortem: { id: string } }>("POST", `/api/v1/incidents/${incident.id}/postmortem`);
  const postmortemId = created.json.postmortem.id;

  const writer = await suite.newPage(name);
  await signIn(writer.page, email, PASSWORD);
  await writer.page.goto(`/postmortems/${postmortemId}/edit`);
  await writer.page
    .getByTestId("collab-connection")
    .filter({ hasText: /^\s*Connected/ })
    .waitFor({ timeout: 20_000 });
  const rootCause = editorOf(writer.page, "Root cause and trigger");
  const before = uniqueText("Before: the cache expired everywhere at once.");
  await rootCause.click();
  await rootCause.pressSequentially(before, { delay: 5 });
  await waitUntil(
    () => storedMarkdown(postmortemId, "root_cause"),
    (md) => md.includes(before),
    "the words typed before stored",
    15_000,
    500,
  );
  return { email, page: writer.page, rootCause, postmortemId, before };
}

/** They keep typing after the change: within seconds the editor takes nothing more and says why; nothing typed after it is stored. */
async function expectEditingStopped(writer: Awaited<ReturnType<typeof writerEditing>>, changedAt: number, label: string) {
  const after = uniqueText("After: typed once access changed.");
  await writer.rootCause.press("End");
  await writer.rootCause.pressSequentially(` ${after}`, { delay: 5 });
  await writer.page.getByRole("alert").filter({ hasText: "Your access to this document ended" }).waitFor({ timeout: 10_000 });
  console.info(`${label}: the editor stopped taking edits ${Date.now() - changedAt} ms after the admin's page showed the change`);
  expect(await writer.rootCause.getAttribute("contenteditable")).toBe("false");
  expect(await writer.page.getByTestId("collab-connection").getAttribute("data-state")).toBe("closed");
  await writer.rootCause.pressSequentially(" And this too.", { delay: 5 }).catch(() => {});
  expect(await writer.rootCause.innerText()).not.toContain("And this too.");
  await screenshot(writer.page, `offboarding--${label}--editor-closed`);
  // Past the store's debounce: what was typed before is kept, nothing after it is.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  const stored = await storedMarkdown(writer.postmortemId, "root_cause");
  expect(stored).toContain(writer.before);
  expect(stored).not.toContain("After: typed once access changed");
}

describe("offboarding someone who is editing", () => {
  it("stops their open editor within seconds of the disable, and stores nothing they type after it", async () => {
    const writer = await writerEditing("Robin Vale");
    const admin = await suite.signedInPage("admin", USERS.admin);
    await admin.page.goto("/admin/users");
    const row = admin.page.getByTestId("user-row").filter({ hasText: writer.email });
    await row.getByText("Disable…").click();
    await row.getByText("their API tokens stop working").waitFor();
    await row.getByRole("button", { name: "Yes, disable Robin Vale" }).click();
    await row.getByText("Disabled", { exact: true }).waitFor({ timeout: 10_000 });
    await row.getByRole("button", { name: "Enable Robin Vale" }).waitFor();
    const disabledAt = Date.now();
    await screenshot(admin.page, "offboarding--disabled-row");

    await expectEditingStopped(writer, disabledAt, "disabled");
    // and a reload sends them to sign in, saying why
    await writer.page.goto(`/postmortems/${writer.postmortemId}/edit`);
    await writer.page.waitForURL(/\/login\?/);
    await writer.page.getByText("An admin disabled your account").waitFor();
  });

  it("stops the open editor of someone demoted to viewer, the same way", async () => {
    const writer = await writerEditing("Casey Moreau");
    const admin = await suite.signedInPage("admin", USERS.admin);
    await admin.page.goto("/admin/users");
    const row = admin.page.getByTestId("user-row").filter({ hasText: writer.email });
    await row.getByLabel("Role of Casey Moreau").selectOption("viewer");
    await row.getByRole("button", { name: "Change" }).click();
    await row.getByText("Now Viewer; signed out everywhere.").waitFor({ timeout: 10_000 });
    await expectEditingStopped(writer, Date.now(), "demoted");
  });
});
