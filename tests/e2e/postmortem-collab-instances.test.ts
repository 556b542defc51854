// Two people edit one post-mortem in Chromium, each page on a different instance of the app
// (two processes on one Postgres database sharing Redis, decision 0049): what one types shows
// on the other page as it is typed, with the typist's caret and name. Needs TEST_DATABASE_URL
// (Postgres) and Redis (REDIS_URL, default redis://127.0.0.1:6379); .ci/run provides both.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ADMIN_TOKEN, spawnApp, type AppProcess } from "../setup/app-process.ts";
import { emptyRedisDatabase } from "../setup/redis.ts";
import { createPostgresDatabase, postgresAdminUrl, type TestDatabase } from "../setup/test-databases.ts";
import { api, signIn, uniqueText, USERS, waitUntil, type Api } from "./support/app.ts";
import { clearScreenshots, launchBrowser, newContext, screenshot } from "./support/browser.ts";

const NAME = "postmortem-collab-instances";
let database: TestDatabase;
let instances: AppProcess[] = [];
let browser: Browser;
let admin: Api;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  clearScreenshots(NAME);
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error("set TEST_DATABASE_URL (Postgres): two instances share one Postgres database");
  database = await createPostgresDatabase(adminUrl, null);
  const env = { DATABASE_URL: database.url, REDIS_URL: await emptyRedisDatabase(), BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN };
  instances.push(await spawnApp(env)); // migrates and seeds
  instances.push(await spawnApp(env));
  browser = await launchBrowser();
  admin = api(instances[0].baseUrl, ADMIN_TOKEN);
});
afterEach(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  contexts = [];
});
afterAll(async () => {
  await browser?.close().catch(() => {});
  for (const instance of instances) await instance.stop();
  instances = [];
  await database?.drop();
});

const editorOf = (page: Page) => page.getByRole("textbox", { name: "Root cause and trigger", exact: true });
const sectionText = (page: Page) =>
  editorOf(page).evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return [...copy.children].map((block) => block.textContent ?? "").join("\n");
  });

async function editorOn(instance: AppProcess, email: string, postmortemId: string): Promise<Page> {
  const context = await newContext(browser, instance.baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto(`/postmortems/${postmortemId}/edit`);
  await page
    .getByTestId("collab-connection")
    .filter({ hasText: /^\s*Connected/ })
    .waitFor({ timeout: 20_000 });
  await editorOf(page).waitFor();
  return page;
}

describe("editing one post-mortem through two instances", () => {
  it("shows each person's typing and caret on the other instance's page as they type", async () => {
    const incident = (await admin.createIncident({ title: uniqueText("Queue backlog after failover"), severity: "SEV2" })) as {
      id: string;
    };
    expect((await admin.call("PATCH", `/api/v1/incidents/${incident.id}`, { status: "resolved" })).status).toBe(200);
    const id = (await admin.call<{ postmortem: { id: string } }>("POST", `/api/v1/incidents/${incident.id}/postmortem`)).json.postmortem.id;

    const onFirst = await editorOn(instances[0], USERS.admin, id);
    const onSecond = await editorOn(instances[1], USERS.responder, id);

    await editorOf(onFirst).click();
    const started = performance.now();
    await editorOf(onFirst).pressSequentially("Failover", { delay: 20 });
    await waitUntil(
      () => sectionText(onSecond),
      (text) => text === "Failover",
      "the first word on the other instance's page",
      5_000,
      20,
    );
    console.log(
      `a word typed on instance 1 showed on instance 2's page ${(performance.now() - started).toFixed(0)} ms after the first key`,
    );

    const reply = uniqueText("drained the queue in nine minutes.");
    await editorOf(onSecond).click();
    await editorOf(onSecond).press("Control+End");
    await editorOf(onSecond).pressSequentially(` ${reply}`, { delay: 10 });
    const text = await waitUntil(
      async () => [await sectionText(onFirst), await sectionText(onSecond)],
      ([a, b]) => a === b && a.includes(reply),
      "the same text on both pages",
      5_000,
    );
    expect(text[0]).toBe(`Failover ${reply}`);
    // each sees the other's caret with their name
    await onFirst.locator(".collaboration-carets__label").filter({ hasText: "Dana Whitfield" }).waitFor({ timeout: 5_000 });
    await onSecond.locator(".collaboration-carets__label").filter({ hasText: "Priya Raman" }).waitFor({ timeout: 5_000 });
    await editorOf(onFirst).scrollIntoViewIfNeeded();
    await screenshot(onFirst, `${NAME}--instance-1-sees-instance-2`);
    await screenshot(onSecond, `${NAME}--instance-2`);
  });
});
