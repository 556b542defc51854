// Script payloads for every rich-text path, and the checks that none of them ran. Each payload
// calls window.__xss(n) (or alert(n)); `watchForScript` records any call, so a test fails when
// ANY payload executes, whichever page or document it reached. `inertDom` looks at what the
// page made of them: no event-handler attributes, no dangerous URL in any attribute.
import type { BrowserContext, Page } from "playwright-core";

const call = (n: number) => `window.__xss(${n})`;

/** Text a user or an API client can type: HTML, Markdown links, liquid, and quote breaking. */
export const XSS_PAYLOADS: string[] = [
  `<script>${call(1)}</script>`,
  `<img src=x onerror="${call(2)}">`,
  `<svg onload="${call(3)}"></svg>`,
  `<svg><script>${call(4)}</script></svg>`,
  `[click](javascript:${call(5)})`,
  `[click](JaVaScRiPt:${call(6)})`,
  `[click](&#106;avascript:${call(7)})`,
  `[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3MoOCk8L3NjcmlwdD4=)`,
  `<a href="javascript:${call(9)}">link</a>`,
  `<iframe srcdoc="<script>parent.${call(10)}</script>"></iframe>`,
  `<div style="background:url(javascript:${call(11)});width:expression(${call(11)})">styled</div>`,
  `"><img src=x onerror=${call(12)}>`,
  `'><svg/onload=${call(13)}>`,
  `</textarea></title></style><script>${call(14)}</script>`,
  `{{ "<img src=x onerror=${call(15)}>" }} {% raw %}<script>${call(15)}</script>{% endraw %}`,
  "${" + call(16) + "} `${" + call(16) + "}`",
  `<details open ontoggle="${call(17)}">x</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${call(18)}>`,
];

/** Links a tiptap document (or pasted HTML) may carry; only the first two are allowed to stay links. */
export const LINK_HREFS = {
  safe: ["https://status.example.com/ok", "mailto:ops@example.com"],
  dangerous: [
    `javascript:${call(21)}`,
    `JaVaScRiPt:${call(22)}`,
    ` javascript:${call(23)}`,
    `java\tscript:${call(24)}`,
    `data:text/html,<script>${call(25)}</script>`,
    `vbscript:msgbox(26)`,
  ],
};

/** A tiptap document with every payload as text and every href as a link mark. */
export function payloadDoc(label: string) {
  const hrefs = [...LINK_HREFS.safe, ...LINK_HREFS.dangerous];
  return {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: label }] },
      ...XSS_PAYLOADS.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
      { type: "paragraph", content: hrefs.map((href, i) => ({ type: "text", text: `link ${i} `, marks: [{ type: "link", attrs: { href } }] })) },
      // nodes we never render: their text may stay, their markup must not
      { type: "image", attrs: { src: `javascript:${call(27)}`, onerror: call(27) } },
      { type: "paragraph", attrs: { onclick: call(28), style: "x" }, content: [{ type: "text", text: "attrs" }] },
    ],
  };
}

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
        if (!isIcon && /^(javascript|vbscript|data):/.test(value)) found.dangerousUrls.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      }
      // the app's own inline scripts carry the CSP nonce (its data may quote a payload, as JSON)
      if (el.localName === "script" && !(el as HTMLScriptElement).nonce && (el.textContent ?? "").includes("__xss")) found.scripts.push((el.textContent ?? "").slice(0, 120));
      if ((el.localName === "iframe" || el.localName === "frame" || el.localName === "object" || el.localName === "embed") && !el.hasAttribute("sandbox")) {
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
