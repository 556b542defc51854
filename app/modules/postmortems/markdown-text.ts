// People's words written as Markdown that any renderer shows as those words: a wiki, a chat, a
// code host, or one that lets raw HTML through. Markup characters are escaped (backslashes, which
// CommonMark and Markdown.pl both read, and entities for <, > and &, which no renderer reads as
// structure), code is fenced with more backticks than it holds, and an address stays one address.
// Pure: no I/O.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Characters that are markup wherever they stand in a line (emphasis, code, links, tables, headings' ends). */
const INLINE_MARKUP = /[\\`*_[\]|~#&<>]/g;

function escapeInline(text: string): string {
  return text.replace(INLINE_MARKUP, (c) => ENTITIES[c] ?? `\\${c}`);
}

/**
 * Text as Markdown: every character shown as typed. A line break is a hard break, or a space when
 * the text must stay on one line (a heading, a title, a table cell).
 */
export function escapeText(text: string, { oneLine = false }: { oneLine?: boolean } = {}): string {
  const lines = text.split(/\r\n?|\n/);
  if (oneLine)
    return escapeInline(
      lines
        .map((line) => line.trim())
        .filter(Boolean)
        .join(" "),
    );
  return lines.map(escapeInline).join("  \n");
}

/**
 * What Markdown reads as a block at the start of a line (indented code, headings, lists,
 * setext underlines): made text. Lines that start with markup we wrote (**, _, ~~, [, `) are
 * left alone; so is a line already escaped.
 */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, (space) => space.replace(/ /g, "&#32;").replace(/\t/g, "&#9;"))
    .replace(/^[-+=]/, "\\$&")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** Text that stands on its own line or inside one (titles, names, table cells). */
export function markdownText(text: string): string {
  return escapeLineStart(escapeText(text, { oneLine: true }));
}

const longestRun = (text: string, char: string) => Math.max(0, ...[...text.matchAll(new RegExp(`${char}+`, "g"))].map((m) => m[0].length));

/** Inline code: the fence is longer than any run of backticks inside; a line break is a space. */
export function codeSpan(code: string): string {
  const flat = code.replace(/\r\n?|\n/g, " ");
  const fence = "`".repeat(longestRun(flat, "`") + 1);
  // A renderer takes one space off each end when both have one: padding keeps the writer's.
  const pad = /^`|`$/.test(flat) || (/^ [\s\S]* $/.test(flat) && flat.trim() !== "") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code block's lines, fenced with more backticks than any run inside (at least three). */
export function codeFence(code: string): string[] {
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  return [fence, ...code.split(/\r\n?|\n/), fence];
}

/** Characters an address may show as they are; everything else is percent-encoded. */
const URL_CHARACTER = /[A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%]/;

function percentEncode(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x80) return `%${code.toString(16).toUpperCase().padStart(2, "0")}`;
  try {
    return encodeURIComponent(char);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate: what a browser sends for it
  }
}

/**
 * A link's address as Markdown writes it, or null when it may not be a link. Checked as a browser
 * reads it (tabs and line breaks dropped, ends trimmed), a path on this site made absolute with
 * `origin`, then encoded so nothing in it can end the address or be read as an entity.
 */
export function markdownHref(href: string, origin: string, allowed: RegExp): string | null {
  const address = href.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (!allowed.test(address)) return null;
  const absolute = address.startsWith("/") ? origin + address : address;
  return [...absolute.replace(/&(?=#?[a-z0-9]+;)/gi, "%26")].map((c) => (URL_CHARACTER.test(c) ? c : percentEncode(c))).join("");
}
