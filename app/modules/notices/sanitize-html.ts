// The HTML of an admin's notice template, cut down to what an email needs. Nothing is passed
// through: the input is tokenised and the output rebuilt from allowlisted tags, attributes
// (quoted and escaped) and escaped text, so however a browser or mail client would have
// parsed a mangled input, it parses our output as we meant it.

const ALLOWED_TAGS = new Set([
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "a",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "div",
  "span",
  "table",
  "tr",
  "td",
  "th",
  "hr",
  "img",
]);
const VOID_TAGS = new Set(["br", "hr", "img"]);
/** Dropped with everything inside them: script, styles, embedded documents, foreign content. */
const DROPPED_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "template",
  "noscript",
  "noembed",
  "noframes",
  "textarea",
  "title",
  "xmp",
  "select",
  "head",
]);
/** Their content is raw text to a browser: it ends at the first closing tag, nesting does not count. */
const RAW_TEXT = new Set(["script", "style", "iframe", "noscript", "noembed", "noframes", "textarea", "title", "xmp"]);

const CSS_PROPERTIES = new Set([
  "color",
  "background",
  "background-color",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "line-height",
  "text-align",
  "text-decoration",
  "white-space",
  "vertical-align",
  "letter-spacing",
  "margin",
  "margin-top",
  "margin-right",
  "margin-bottom",
  "margin-left",
  "padding",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
  "border",
  "border-top",
  "border-right",
  "border-bottom",
  "border-left",
  "border-radius",
  "border-collapse",
  "width",
  "max-width",
  "height",
  "display",
]);
/** Words, numbers, #colours, commas: no url(), expression(), quotes, escapes, comments or negative offsets. */
const CSS_VALUE = /^[a-z0-9#.,% -]+$/i;
const CSS_DISPLAY = new Set(["block", "inline", "inline-block"]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
  lpar: "(",
  rpar: ")",
};

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const escapeText = (text: string) => text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A URL as a browser reads it (tabs and newlines removed, ends trimmed), if its scheme is allowed. */
function safeUrl(raw: string, schemes: RegExp): string | null {
  const url = decodeEntities(raw)
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  return schemes.test(url) ? url : null;
}

function safeStyle(raw: string): string | null {
  const kept: string[] = [];
  for (const declaration of decodeEntities(raw).split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!CSS_PROPERTIES.has(property) || !CSS_VALUE.test(value) || /(^|\s)-|-\s*[\d.]/.test(value)) continue;
    if (property === "display" && !CSS_DISPLAY.has(value.toLowerCase())) continue;
    kept.push(`${property}:${value}`);
  }
  return kept.length ? kept.join(";") : null;
}

function safeAttribute(tag: string, name: string, value: string): string | null {
  if (name === "style") return safeStyle(value);
  if (tag === "a" && name === "href") return safeUrl(value, /^(https?:\/\/|mailto:)/i);
  if (tag === "a" && name === "title") return value;
  if (tag === "img" && name === "src") return safeUrl(value, /^https:\/\//i);
  if (tag === "img" && name === "alt") return value;
  if ((tag === "img" || tag === "table" || tag === "td" || tag === "th") && (name === "width" || name === "height"))
    return /^\d{1,4}%?$/.test(value.trim()) ? value.trim() : null;
  if ((tag === "td" || tag === "th") && (name === "colspan" || name === "rowspan"))
    return /^\d{1,2}$/.test(value.trim()) ? value.trim() : null;
  if (name === "align" && ["left", "center", "right"].includes(value.trim().toLowerCase())) return value.trim().toLowerCase();
  return null;
}

type Tag = { name: string; closing: boolean; attributes: [string, string][]; end: number };

/** Reads the tag starting at `at` (a "<" followed by a letter, or "</" and a letter); null if it never ends. */
function readTag(html: string, at: number): Tag | null {
  const closing = html[at + 1] === "/";
  let i = at + (closing ? 2 : 1);
  const nameMatch = /^[a-z][^\s/>]*/i.exec(html.slice(i, i + 100));
  if (!nameMatch) return null;
  const name = nameMatch[0].toLowerCase();
  i += nameMatch[0].length;
  const attributes: [string, string][] = [];
  while (i < html.length) {
    while (i < html.length && /[\s/]/.test(html[i])) i++;
    if (i >= html.length) return null;
    if (html[i] === ">") return { name, closing, attributes, end: i + 1 };
    const attrName = /^[^\s/>=]+|^=[^\s/>=]*/.exec(html.slice(i))![0];
    i += attrName.length;
    while (/\s/.test(html[i] ?? "")) i++;
    let value = "";
    if (html[i] === "=") {
      i++;
      while (/\s/.test(html[i] ?? "")) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        value = /^[^\s>]*/.exec(html.slice(i))![0];
        i += value.length;
      }
    }
    attributes.push([attrName.toLowerCase(), value]);
  }
  return null;
}

/** Where the content of a dropped element ends (after its closing tag), or the end of the input. */
function skipContent(html: string, name: string, from: number): number {
  const lower = html.toLowerCase();
  let depth = 1;
  let i = from;
  for (;;) {
    const close = lower.indexOf(`</${name}`, i);
    if (close < 0) return html.length;
    if (!RAW_TEXT.has(name)) {
      const opens = lower.slice(i, close).match(new RegExp(`<${name}[\\s/>]`, "g"));
      depth += opens?.length ?? 0;
    }
    const end = lower.indexOf(">", close);
    if (end < 0) return html.length;
    if (--depth <= 0) return end + 1;
    i = end + 1;
  }
}

/** Where a comment, doctype, CDATA or processing instruction starting at `at` ends. */
function skipMarkup(html: string, at: number): number {
  if (html.startsWith("<!--", at)) {
    if (html.startsWith("<!-->", at)) return at + 5;
    if (html.startsWith("<!--->", at)) return at + 6;
    const ends = [html.indexOf("-->", at + 4), html.indexOf("--!>", at + 4)].filter((n) => n >= 0);
    if (!ends.length) return html.length;
    const end = Math.min(...ends);
    return end + (html.startsWith("-->", end) ? 3 : 4);
  }
  const end = html.indexOf(">", at);
  return end < 0 ? html.length : end + 1;
}

export function sanitizeHtml(input: string): string {
  const html = input.replace(/\u0000/g, "");
  let out = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      out += escapeText(html.slice(i));
      break;
    }
    out += escapeText(html.slice(i, lt));
    const next = html[lt + 1] ?? "";
    if (next === "!" || next === "?" || (next === "/" && !/[a-z]/i.test(html[lt + 2] ?? ""))) {
      i = skipMarkup(html, lt);
      continue;
    }
    const tag = /[a-z/]/i.test(next) ? readTag(html, lt) : null;
    if (!tag) {
      out += "&lt;";
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (DROPPED_WITH_CONTENT.has(tag.name)) {
      if (!tag.closing) i = skipContent(html, tag.name, i);
      continue;
    }
    if (!ALLOWED_TAGS.has(tag.name)) continue;
    if (tag.closing) {
      if (!VOID_TAGS.has(tag.name)) out += `</${tag.name}>`;
      continue;
    }
    const kept = new Map<string, string>();
    for (const [name, value] of tag.attributes) {
      const safe = kept.has(name) ? null : safeAttribute(tag.name, name, value);
      if (safe !== null) kept.set(name, safe);
    }
    if (tag.name === "img" && !kept.has("src")) continue;
    out += `<${tag.name}${[...kept].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("")}>`;
  }
  return out;
}
