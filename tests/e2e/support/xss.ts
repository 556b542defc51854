// Script payloads for every rich-text path (the one list, tests/fixtures/xss-payloads.ts), and the
// checks that none of them ran. Each payload calls window.__xss(n) (or alert(n)); `watchForScript`
// records any call, so a test fails when ANY payload executes, whichever page or document it reached.
// `inertDom` looks at what the page made of them: no event-handler attributes, no dangerous URL in any attribute.
import type { BrowserContext, Page } from "playwright-core";

export { CODE_PAYLOADS, LINK_HREFS, payloadDoc, XSS_PAYLOADS } from "../../fixtures/xss-payloads.ts";

export type ScriptWatch = { fired: string[] };

/** Records every __xss(n) call and every dialog in this context's pages (set before any page opens). */
export async function watchForScript(context: BrowserContext): Promise<ScriptWatch> {
  const watch: ScriptWatch = { fired: [] };
  await context.exposeFunction("__xss", (n: unknown) => {
    watch.fired.push(`__xss(${String(n)})`);
  });
  const onPage = (page: Page) =>
    page.on("dialog", (dialog) => {
      watch.fired.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
  context.pages().forEach(onPage);
  context.on("page", onPage);
  return watch;
}

export type DomFindings = { handlers: string[]; dangerousUrls: string[]; scripts: string[]; frames: string[] };

/**
 * What in the current document could run a payload: on* attributes, attributes holding a
 * javascript:/vbscript:/data: URL (the page icon "data:," aside), scripts that mention the
 * marker without the app's nonce, and frames that are not sandboxed.
 */
export async function inertDom(page: Page): Promise<DomFindings> {
  await page.waitForLoadState("load");
  // give error and load handlers of a broken image the chance to fire
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const found = { handlers: [] as string[], dangerousUrls: [] as string[], scripts: [] as string[], frames: [] as string[] };
    const all = document.querySelectorAll("*");
    for (const el of Array.from(all)) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (name.startsWith("on")) found.handlers.push(`<${el.localName} ${attr.name}="${attr.value}">`);
        const isIcon = el.localName === "link" && value === "data:,";
        if (!isIcon && /^(javascript|vbscript|data):/.test(value))
          found.dangerousUrls.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      }
      // the app's own inline scripts carry the CSP nonce (its data may quote a payload, as JSON)
      if (el.localName === "script" && !(el as HTMLScriptElement).nonce && (el.textContent ?? "").includes("__xss"))
        found.scripts.push((el.textContent ?? "").slice(0, 120));
      if (
        (el.localName === "iframe" || el.localName === "frame" || el.localName === "object" || el.localName === "embed") &&
        !el.hasAttribute("sandbox")
      ) {
        found.frames.push(el.outerHTML.slice(0, 120));
      }
    }
    return found;
  });
}

export const NOTHING_FOUND: DomFindings = { handlers: [], dangerousUrls: [], scripts: [], frames: [] };

/** Every link's href on the page must be http(s), mailto, a path, or a fragment. */
export async function unsafeLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((h) => !/^(https?:|mailto:|\/(?![/\\])|#|\?)/i.test(h.trim()) && h.trim() !== "");
}
