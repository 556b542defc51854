// How the Markdown safety tests read Markdown back: markdown-it at its most trusting (raw HTML on,
// and again with bare addresses linked), the elements and links a safe reading may hold, and the
// texts that look like Markdown. Used by markdown-safety.test.ts.
import MarkdownIt, { type MarkdownIt as Renderer } from "markdown-it";
import { XSS_PAYLOADS } from "../../../tests/fixtures/xss-payloads.ts";
import type { PmDoc, PmMark, PmNode } from "./document.ts";

// markdown-it as its defaults, with raw HTML let through; and again with bare addresses linked.
export const reader = new MarkdownIt({ html: true });
export const linkifier = new MarkdownIt({ html: true, linkify: true });
for (const renderer of [reader, linkifier]) renderer.validateLink = () => true;

export const SAFE_TAGS = new Set([
  "p",
  "br",
  "strong",
  "em",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);
/** After a browser's clean-up of the value (spaces and control characters dropped). */
export const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?![/\\]))/i;

export const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" };
export const decode = (html: string) => html.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => ENTITIES[name]);

export type Reading = { html: string; tags: Set<string>; hrefs: string[]; problems: string[] };

export function read(markdown: string): Reading {
  const reading = readWith(reader, markdown);
  // A bare address may become a link, to itself or (written //host) to another site: never more.
  const linked = readWith(linkifier, markdown);
  return { ...reading, problems: [...reading.problems, ...linked.problems.filter((p) => !/^link to \/\/[^/\\]/.test(p))] };
}

export function readWith(renderer: Renderer, markdown: string): Reading {
  const tokens = renderer.parse(markdown, {});
  const problems = tokens
    .flatMap((t) => [t, ...(t.children ?? [])])
    .filter((t) => t.type === "html_block" || t.type === "html_inline")
    .map((t) => `raw HTML: ${t.content}`);
  const html = renderer.renderer.render(tokens, renderer.options, {});
  const tags = new Set<string>();
  const hrefs: string[] = [];
  for (const [, name, rest] of html.matchAll(/<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g)) {
    const tag = name.toLowerCase();
    tags.add(tag);
    if (!SAFE_TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const [, attribute, value = ""] of rest.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      if (tag !== "a" || attribute !== "href") problems.push(`attribute ${attribute} on <${tag}>`);
      else if (!SAFE_LINK.test(decode(value).replace(/[\u0000-\u0020]/g, ""))) problems.push(`link to ${decode(value)}`);
      else hrefs.push(decode(value));
    }
  }
  return { html, tags, hrefs, problems };
}

/** What a reader sees: the text without tags, a line per line break, line ends trimmed. */
export function visibleText(html: string): string {
  return decode(html.replace(/<br>\n?/g, "\n").replace(/<[^>]+>/g, ""))
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

export const sameLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();

export const text = (value: string, marks?: PmMark[]): PmNode =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
export const paragraph = (...content: PmNode[]): PmNode => ({ type: "paragraph", content });
export const doc = (...content: PmNode[]): PmDoc => ({ type: "doc", content });
export const link = (href: string): PmMark => ({ type: "link", attrs: { href } });

/** Text Markdown reads as markup, each of which a person may well type. */
export const MARKDOWN_LOOKALIKES = [
  "# not a heading",
  "###### not a heading either",
  "- not a list",
  "+ not a list",
  "* not a list",
  "1. not a list",
  "2) not a list",
  "> not a quote",
  "    four spaces are not code",
  "\tnor is a tab",
  "---",
  "***",
  "___",
  "= = =",
  "```",
  "~~~ not a fence",
  "| a | b |\n|---|---|\n| 1 | 2 |",
  "a | b",
  "*not emphasis* _not emphasis_ **not bold** __not bold__ ~~not struck~~ ~not struck~",
  "`not code` and ``not code``",
  "[not a link](https://example.com) and [not a ] link](https://example.com)",
  "![not an image](https://example.com/x.png)",
  "<https://example.com/not-an-autolink> <ops@example.com>",
  "<!-- not a comment --> <!DOCTYPE html> <?php echo 1; ?> <![CDATA[ x ]]>",
  "<b>not bold</b> 1 < 2 > 0 & 3",
  "&lt;b&gt; &amp; &copy; &#60; &#x3C;",
  "back\\slashes \\* \\\\ at the end\\",
  '[ref]: https://example.com "not a definition"',
  "a line ending in two spaces  ",
  "Setext heading?\n===",
  "Another?\n---",
  "first line\n# not a heading\n- not a list\n> not a quote\n```\n<img src=x onerror=alert(1)>",
  "trailing html <img src=x onerror=alert(1)",
  "https://bare.example.com/x and www.example.com",
  "$$ x $$ and [^1] and :smile: and {#id}",
];

export const EVERY_TEXT = [...XSS_PAYLOADS, ...MARKDOWN_LOOKALIKES];
