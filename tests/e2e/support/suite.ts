// One app server and one Chromium per test file; contexts and pages are made per test
// and closed after it. A failing test gets screenshots of its pages and the logs.
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { api, signIn, type Api } from "./app.ts";
import { clearScreenshots, launchBrowser, newContext, screenshot, watchConsole } from "./browser.ts";
import { startServer, type AppServer } from "./server.ts";

export type Suite = {
  server: AppServer;
  browser: Browser;
  /** The JSON API as the bootstrap admin. */
  admin: Api;
  /** A fresh context (own cookies and storage) and page, closed after the test; baseURL defaults to the server's. */
  newPage: (label: string, baseURL?: string, options?: BrowserContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
  /** newPage, then sign in as that user. */
  signedInPage: (
    label: string,
    email: string,
    baseURL?: string,
    options?: BrowserContextOptions,
  ) => Promise<{ context: BrowserContext; page: Page }>;
};

export function useSuite(name: string, options: { env?: Record<string, string> } = {}): Suite {
  const suite = {} as Suite;
  let open: { label: string; context: BrowserContext; page: Page; log: string[] }[] = [];

  beforeAll(async () => {
    clearScreenshots(name);
    suite.server = await startServer({ env: options.env });
    suite.browser = await launchBrowser();
    suite.admin = api(suite.server.baseUrl, suite.server.adminToken);
  });

  suite.newPage = async (label, baseURL, options) => {
    const context = await newContext(suite.browser, baseURL ?? suite.server.baseUrl, options);
    const page = await context.newPage();
    open.push({ label, context, page, log: watchConsole(page, label) });
    return { context, page };
  };
  suite.signedInPage = async (label, email, baseURL, options) => {
    const opened = await suite.newPage(label, baseURL, options);
    await signIn(opened.page, email);
    return opened;
  };

  afterEach(async (context) => {
    const failed = context.task.result?.state === "fail";
    if (failed) {
      for (const o of open) {
        if (!o.page.isClosed()) await screenshot(o.page, `${name}--FAILED--${o.label}`);
      }
      const logs = open.flatMap((o) => o.log);
      if (logs.length) console.error(`Browser errors:\n${logs.join("\n")}`);
      const out = suite.server?.output() ?? "";
      if (out) console.error(`Server output (tail):\n${out.slice(-5_000)}`);
    }
    for (const o of open) await o.context.close().catch(() => {});
    open = [];
  });

  afterAll(async () => {
    await suite.browser?.close().catch(() => {});
    await suite.server?.stop();
  });

  return suite;
}
