// The action-items page: every open item across post-mortems with the overdue ones on top,
// said in words; the owner filters to their own and marks the overdue one done in place.
import { describe, expect, it } from "vitest";
import { uniqueText, USERS } from "./support/app.ts";
import { screenshot } from "./support/browser.ts";
import { useSuite } from "./support/suite.ts";

const suite = useSuite("action-items");

const day = (offset: number) => new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

type Item = { id: string; title: string; state: string; closedAt: string | null };

async function postmortemWithItems() {
  const incident = await suite.admin.createIncident({ title: uniqueText("Config push overloads routing"), severity: "SEV2" });
  const resolved = await suite.admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" });
  expect(resolved.status).toBe(200);
  const generated = await suite.admin.call<{ postmortem: { id: string; title: string } }>(
    "POST",
    `/api/v1/incidents/${incident.id}/postmortem`,
  );
  expect(generated.status).toBe(201);
  const postmortem = generated.json.postmortem;
  const add = async (body: Record<string, unknown>) => {
    const res = await suite.admin.call<{ actionItem: Item }>("POST", `/api/v1/postmortems/${postmortem.id}/action-items`, body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.actionItem;
  };
  return {
    incident,
    postmortem,
    later: await add({
      title: uniqueText("Canary every config push"),
      kind: "prevent",
      priority: "high",
      ownerEmail: USERS.responder,
      dueAt: day(10),
    }),
    overdue: await add({
      title: uniqueText("Bound router fan-out"),
      kind: "prevent",
      priority: "low",
      ownerEmail: USERS.responder,
      dueAt: day(-5),
    }),
    someoneElses: await add({
      title: uniqueText("Alert on routing saturation"),
      kind: "mitigate",
      ownerEmail: "kenji.tanaka@northwind.example",
      dueAt: day(-2),
    }),
  };
}

describe("action items", () => {
  it("lists the overdue item first and lets its owner mark it done", async () => {
    const { incident, postmortem, later, overdue, someoneElses } = await postmortemWithItems();
    const { page } = await suite.signedInPage("owner", USERS.responder);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Action items" }).click();
    await page.getByRole("heading", { name: "Action items" }).waitFor();
    const rows = page.getByTestId("action-item");
    // The demo's own items (the global outage's, some Dana's, none overdue) are listed too: only ours are compared.
    const titles = async () =>
      (await rows.allInnerTexts()).map((text) => [overdue, later, someoneElses].find((i) => text.includes(i.title))?.title ?? "other");
    const ours = async () => (await titles()).filter((t) => t !== "other");
    // Everyone's: both overdue items above the one due later, most overdue first.
    expect(await ours()).toEqual([overdue.title, someoneElses.title, later.title]);

    await page.getByRole("link", { name: "Mine" }).click();
    await page.waitForURL(/owner=me/);
    await expect.poll(ours).toEqual([overdue.title, later.title]);
    for (const text of await rows.allInnerTexts()) expect(text).toContain("Dana Whitfield");
    const first = rows.first();
    // Overdue is said in words, not only shown in red; the day is beside it.
    expect(await first.innerText()).toContain("Overdue by 5 days");
    expect(await first.getByRole("link", { name: postmortem.title }).getAttribute("href")).toBe(`/postmortems/${postmortem.id}`);
    expect(await first.getByRole("link", { name: `Incident ${incident.ref}`, exact: true }).getAttribute("href")).toBe(
      `/incidents/${incident.ref}`,
    );
    expect(await first.innerText()).toContain("Dana Whitfield");
    expect(await rows.filter({ hasText: later.title }).innerText()).toMatch(/Due in 10 days/);
    await screenshot(page, "action-items--mine");

    await first.getByLabel(`State of “${overdue.title}”`).selectOption("done");
    await first.getByRole("button", { name: "Save" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `“${overdue.title}” is now done.` })
      .waitFor();
    await expect.poll(ours).toEqual([later.title]);
    await screenshot(page, "action-items--marked-done");

    const stored = await suite.admin.call<{ actionItem: Item }>("GET", `/api/v1/action-items/${overdue.id}`);
    expect(stored.json.actionItem.state).toBe("done");
    expect(stored.json.actionItem.closedAt).not.toBeNull();
  });

  it("shows a viewer the list without the state forms", async () => {
    const { overdue } = await postmortemWithItems();
    const { page } = await suite.signedInPage("viewer", USERS.viewer);
    await page.goto("/action-items");
    const row = page.getByTestId("action-item").filter({ hasText: overdue.title });
    await row.waitFor();
    expect(await row.innerText()).toContain("Open");
    expect(await row.getByRole("button", { name: "Save" }).count()).toBe(0);
  });
});

describe("a post-mortem's action items", () => {
  it("are added and edited in place", async () => {
    const { postmortem } = await postmortemWithItems();
    const { page } = await suite.signedInPage("editor", USERS.responder);
    await page.goto(`/postmortems/${postmortem.id}/action-items`);
    const title = uniqueText("Rate-limit config pushes");

    const add = page.getByRole("form", { name: "Add an action item" });
    await add.getByLabel("Title").fill(title);
    await add.getByLabel("Kind").selectOption("process");
    await add.getByLabel("Priority").selectOption("high");
    await add.getByLabel("Owner").selectOption({ label: "Kenji Tanaka" });
    await add.getByLabel("Due").fill("2030-06-30");
    await add.getByLabel("Tracker link").fill("https://tracker.example/NW-77");
    await add.getByRole("button", { name: "Add" }).click();

    const row = page.getByRole("form", { name: `Action item: ${title}` });
    await row.waitFor();
    expect(await add.getByLabel("Title").inputValue()).toBe("");
    expect(await row.getByLabel("Owner").inputValue()).not.toBe("");
    expect(await row.getByLabel("Due").inputValue()).toBe("2030-06-30");

    await row.getByLabel("State").selectOption("in_progress");
    await row.getByLabel("Tracker link").fill("not a link");
    await row.getByRole("button", { name: "Save" }).click();
    // The browser's own URL check stops "not a link" before it is sent; the server says why too.
    const invalid = await row.getByLabel("Tracker link").evaluate((input: HTMLInputElement) => !input.checkValidity());
    expect(invalid).toBe(true);
    await row.getByLabel("Tracker link").fill("https://tracker.example/NW-78");
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await screenshot(page, "action-items--editor");

    const list = await suite.admin.call<{ actionItems: (Item & { priority: string; trackerUrl: string; owner: { name: string } })[] }>(
      "GET",
      `/api/v1/postmortems/${postmortem.id}/action-items?limit=200`,
    );
    expect(list.json.actionItems.find((i) => i.title === title)).toMatchObject({
      state: "in_progress",
      priority: "high",
      trackerUrl: "https://tracker.example/NW-78",
      owner: { name: "Kenji Tanaka" },
    });
  });
});
