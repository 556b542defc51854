// The incident room in Chromium through nginx (the shipped deploy/nginx.conf, round-robin) in front
// of two instances on one Postgres database sharing Redis, when the instance holding the room's
// event stream is killed with SIGKILL (issue 17, item 2): the room says "Reconnecting…", then
// "Live" again and no other notice, and what was written meanwhile is there once. Needs
// TEST_DATABASE_URL (Postgres) and Redis (REDIS_URL, default redis://127.0.0.1:6379).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { ADMIN_TOKEN, freePort, spawnApp, type AppProcess } from "../setup/app-process.ts";
import { startNginx, type Nginx } from "../setup/nginx.ts";
import { emptyRedisDatabase } from "../setup/redis.ts";
import { createPostgresDatabase, postgresAdminUrl, type TestDatabase } from "../setup/test-databases.ts";
import { api, openRoom, signIn, timelineEntry, uniqueText, USERS, waitForLive, type Api } from "./support/app.ts";
import { clearScreenshots, launchBrowser, newContext, screenshot } from "./support/browser.ts";

const NAME = "room-instance-killed";
let database: TestDatabase;
let instances: AppProcess[] = [];
let nginx: Nginx;
let browser: Browser;
let context: BrowserContext;
let viaNginx: Api;

beforeAll(async () => {
  clearScreenshots(NAME);
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error("set TEST_DATABASE_URL (Postgres): two instances share one Postgres database");
  database = await createPostgresDatabase(adminUrl, null);
  // nginx's Host drops the port (as on port 80): the instances know their address from PUBLIC_URL.
  const nginxPort = await freePort();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: await emptyRedisDatabase(),
    BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
    TRUST_PROXY: "1",
    PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
  };
  instances.push(await spawnApp(env)); // migrates and seeds
  instances.push(await spawnApp(env));
  nginx = await startNginx([instances[0].port, instances[1].port], { collabRoundRobin: true, port: nginxPort });
  viaNginx = api(nginx.baseUrl, ADMIN_TOKEN);
  browser = await launchBrowser();
});
afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await nginx?.stop();
  for (const instance of instances) await instance.stop();
  instances = [];
  await database?.drop();
});

describe("the room when an instance dies behind nginx", () => {
  it("shows Reconnecting…, then Live and nothing else, with the entries written meanwhile", async () => {
    const incident = await viaNginx.createIncident({ title: uniqueText("Checkout latency in eu-west"), severity: "SEV2" });
    context = await newContext(browser, nginx.baseUrl);
    const page = await context.newPage();
    // Which instance serves the room's stream: nginx names it (X-Upstream, test-only).
    const streamedBy: string[] = [];
    page.on("response", (response) => {
      if (/\/api\/v1\/incidents\/[^/]+\/events/.test(response.url())) streamedBy.push(response.headers()["x-upstream"] ?? "");
    });
    await signIn(page, USERS.responder);
    await openRoom(page, incident.id);
    // Every state the connection notice goes through from now on.
    await page.evaluate(() => {
      const notice = document.querySelector('[data-testid="connection"]')!;
      const seen: string[] = [notice.textContent!.trim()];
      (window as unknown as { connectionStates: string[] }).connectionStates = seen;
      new MutationObserver(() => {
        const text = notice.textContent!.trim();
        if (text !== seen.at(-1)) seen.push(text);
      }).observe(notice, { childList: true, characterData: true, subtree: true });
    });
    const before = uniqueText("Rolled back the payment gateway");
    expect((await viaNginx.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: before })).status).toBe(201);
    await timelineEntry(page, before).waitFor({ timeout: 5_000 });

    expect(streamedBy.length).toBeGreaterThan(0);
    const victim = instances.find((i) => streamedBy.at(-1) === `127.0.0.1:${i.port}`)!;
    expect(victim).toBeDefined();
    process.kill(victim.pid, "SIGKILL");
    await victim.exited;
    const meanwhile = uniqueText("Card payments recovering");
    expect((await viaNginx.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: meanwhile })).status).toBe(201);

    await page
      .getByTestId("connection")
      .filter({ hasText: /Reconnecting/ })
      .waitFor({ timeout: 10_000 })
      .catch(() => {});
    await screenshot(page, `${NAME}--reconnecting`);
    await waitForLive(page, 20_000);
    await timelineEntry(page, meanwhile).waitFor({ timeout: 10_000 });
    const after = uniqueText("Gateway pool resized");
    expect((await viaNginx.call("POST", `/api/v1/incidents/${incident.id}/timeline`, { body: after })).status).toBe(201);
    await timelineEntry(page, after).waitFor({ timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a late duplicate would show by now
    await screenshot(page, `${NAME}--live-again`);

    const states = await page.evaluate(() => (window as unknown as { connectionStates: string[] }).connectionStates);
    expect(states).toEqual(["Live", "Reconnecting…", "Live"]);
    for (const text of [before, meanwhile, after]) expect(await timelineEntry(page, text).count(), text).toBe(1);
    expect(streamedBy.at(-1)).not.toBe(`127.0.0.1:${victim.port}`);
    expect(await page.getByRole("alert").count()).toBe(0);
  });
});
