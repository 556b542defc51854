// Chromium through playwright-core, using the system browser (never downloads one).
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { repoRoot } from "./server.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A fresh context (own cookies and localStorage) with short default timeouts; `options` override the defaults. */
export async function newContext(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    timezoneId: "UTC",
    locale: "en-GB",
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  context.on("page", waitForHydrationAfterNavigation);
  return context;
}

/**
 * A button that works only through React (Edit, Details) does nothing when clicked before the page has hydrated, as a
 * person clicking within the first instant would see. Tests act as someone who waits for the page: every goto and reload
 * returns once root.tsx has marked the page hydrated. Pages without Remix (the public site's fast path, JSON, files)
 * have nothing to wait for.
 */
function waitForHydrationAfterNavigation(page: Page): void {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await hydrated(page);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    await hydrated(page);
    return response;
  };
}

async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => !("__remixContext" in window) || document.documentElement.dataset.hydrated === "true", undefined, {
    timeout: 20_000,
  });
}

const shotsDir = path.join(repoRoot, "test-results", "e2e");

/** Saves a full-page screenshot to test-results/e2e/<name>.png for humans; never fails a test. */
export async function screenshot(page: Page, name: string): Promise<void> {
  try {
    mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${name.replace(/[^a-z0-9-_]+/gi, "-")}.png`), fullPage: true, timeout: 10_000 });
  } catch {
    // a screenshot is a nice-to-have
  }
}

/** Removes the screenshots an earlier run of this file left (a stale FAILED one would mislead). */
export function clearScreenshots(prefix: string): void {
  try {
    for (const file of readdirSync(shotsDir)) if (file.startsWith(`${prefix}--`)) rmSync(path.join(shotsDir, file), { force: true });
  } catch {
    // no folder yet
  }
}

/** Collects uncaught page errors and console errors, to show them when a test fails. */
export function watchConsole(page: Page, label: string): string[] {
  const lines: string[] = [];
  page.on("pageerror", (error) => lines.push(`[${label}] pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") lines.push(`[${label}] console.error: ${message.text()}`);
  });
  return lines;
}

/** Waits until React has taken over the page, so typing goes into its state and not only the DOM. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return !!main && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
}
