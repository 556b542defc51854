// Pages for the script-payload tests (xss-payloads*.test.ts): opened with the CSP bypassed and a watch for
// any payload that runs, and the check that nothing ran, nothing could run and no link is dangerous.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Suite } from "./suite.ts";
import { inertDom, NOTHING_FOUND, unsafeLinks, watchForScript, type ScriptWatch } from "./xss.ts";

export type Guarded = { page: Page; watch: ScriptWatch };

/** guardedPage, expectInert and visit for the pages of this suite's server. */
export function guardedPages(suite: Suite) {
  /** A page whose context records any payload that runs, with the CSP bypassed; signed in when an email is given. */
  async function guardedPage(label: string, email?: string): Promise<Guarded> {
    const { context, page } = await suite.newPage(label, undefined, { bypassCSP: true });
    const watch = await watchForScript(context);
    if (email) {
      await page.goto("/login");
      await page.getByLabel(/e-?mail/i).fill(email);
      await page.getByLabel(/password/i).fill("demo-password-2026");
      await page.getByRole("button", { name: /sign in/i }).click();
      await page.waitForURL((url) => url.pathname !== "/login");
    }
    return { page, watch };
  }

  /** Nothing ran, nothing could run, and every link on the page is http(s), mailto or on this site. */
  async function expectInert({ page, watch }: Guarded, where: string): Promise<void> {
    expect(await inertDom(page), where).toEqual(NOTHING_FOUND);
    expect(await unsafeLinks(page), where).toEqual([]);
    expect(watch.fired, where).toEqual([]);
  }

  async function visit(guarded: Guarded, path: string, where = path): Promise<void> {
    const res = await guarded.page.goto(path);
    expect(res?.status(), where).toBeLessThan(400);
    await expectInert(guarded, where);
  }

  return { guardedPage, expectInert, visit };
}
