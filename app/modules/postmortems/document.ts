// Post-mortem sections are tiptap documents, like timeline entries, with headings (h3) and
// links that may also point inside the app ("/incidents/INC-7#entry-12": every generated
// sentence links back to where it came from). Documents arrive from the API (parsed with the
// schema below, refused with a reason) and from the collaborative editor (Yjs, which cannot
// be refused before it is merged, so `sanitizeDoc` keeps only what we render). Pure: no I/O.
import { z } from "zod";

/** http(s), mailto, or a path on this site (never "//host", which leaves it). */
export const SAFE_HREF = /^(https?:|mailto:|\/(?![/\\]))/i;
/** Larger than any section anyone writes; a bigger document is refused, not truncated. */
export const MAX_SECTION_BYTES = 256 * 1024;
export const MAX_DEPTH = 24;

export type PmMark = { type: "bold" | "italic" | "strike" | "code" } | { type: "link"; attrs: { href: string } };

export type PmNode = {
  type: "doc" | "paragraph" | "heading" | "text" | "hardBreak" | "bulletList" | "orderedList" | "listItem" | "blockquote" | "codeBlock";
  attrs?: { level: 3 };
  text?: string;
  marks?: PmMark[];
  content?: PmNode[];
};
export type PmDoc = { type: "doc"; content: PmNode[] };

const BLOCKS = new Set(["paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "codeBlock"]);
const SIMPLE_MARKS = new Set(["bold", "italic", "strike", "code"]);

function cleanMarks(marks: unknown): PmMark[] | undefined {
  if (!Array.isArray(marks)) return undefined;
  const out: PmMark[] = [];
  for (const mark of marks) {
    const type = (mark as { type?: unknown })?.type;
    if (typeof type !== "string") continue;
    if (SIMPLE_MARKS.has(type)) out.push({ type: type as "bold" });
    else if (type === "link") {
      const href = (mark as { attrs?: { href?: unknown } }).attrs?.href;
      if (typeof href === "string" && href.length <= 2000 && SAFE_HREF.test(href.trim()))
        out.push({ type: "link", attrs: { href: href.trim() } });
    }
  }
  return out.length ? out : undefined;
}

function cleanNode(node: unknown, depth: number): PmNode | null {
  if (!node || typeof node !== "object" || depth > MAX_DEPTH) return null;
  const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
  if (type === "text") {
    if (typeof text !== "string" || text === "") return null;
    const marks = cleanMarks((node as { marks?: unknown }).marks);
    return marks ? { type: "text", text, marks } : { type: "text", text };
  }
  if (type === "hardBreak") return { type: "hardBreak" };
  if (typeof type !== "string" || !BLOCKS.has(type)) {
    // An unknown block (raw HTML, an image, an embed) keeps its text, as a paragraph.
    const inner = Array.isArray(content) ? content.map((c) => cleanNode(c, depth + 1)).filter((c): c is PmNode => c !== null) : [];
    const inline = inner.filter((c) => c.type === "text" || c.type === "hardBreak");
    return inline.length ? { type: "paragraph", content: inline } : null;
  }
  const children = Array.isArray(content) ? content.map((c) => cleanNode(c, depth + 1)).filter((c): c is PmNode => c !== null) : [];
  const out: PmNode = { type: type as PmNode["type"] };
  if (type === "heading") out.attrs = { level: 3 };
  if (children.length) out.content = children;
  return out;
}

/** Keeps only the nodes, marks and links we render; anything else is dropped (text kept). */
export function sanitizeDoc(value: unknown): PmDoc {
  const content = (value as { content?: unknown } | null)?.content;
  if (!Array.isArray(content)) return { type: "doc", content: [] };
  return { type: "doc", content: content.map((c) => cleanNode(c, 1)).filter((c): c is PmNode => c !== null) };
}

/** Far deeper than any document (each node is two levels of JSON); refused before anything walks it. */
const MAX_JSON_DEPTH = 200;

/** Without recursion: a body of 10,000 nested brackets must not exhaust the stack here or in JSON.stringify. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * A document sent through the API: refused when it nests too deep, is too large or is not a tiptap
 * document; otherwise sanitized (a `javascript:` link loses its link, raw HTML stays text).
 */
export const SectionDocSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
      ctx.addIssue({ code: "custom", message: `must not nest more than ${MAX_JSON_DEPTH} levels` });
      return;
    }
    const size = JSON.stringify(value ?? null).length;
    const doc = value as { type?: unknown; content?: unknown } | null;
    if (size > MAX_SECTION_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `must be at most ${MAX_SECTION_BYTES / 1024} KB (this one is ${Math.ceil(size / 1024)} KB)`,
      });
    } else if (!doc || typeof doc !== "object" || doc.type !== "doc" || !Array.isArray(doc.content)) {
      ctx.addIssue({ code: "custom", message: 'must be a tiptap document: {"type": "doc", "content": [...]}' });
    }
  })
  .transform((value) => sanitizeDoc(value));

// ---------------------------------------------------------------------------------------------
// Text and Markdown

function inlineText(node: PmNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

/** The blocks of a document with their text, in order (list items are blocks of their own). */
export function blocksOf(doc: PmDoc): { node: PmNode; text: string }[] {
  const out: { node: PmNode; text: string }[] = [];
  const walk = (node: PmNode) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "codeBlock") out.push({ node, text: inlineText(node) });
    else (node.content ?? []).forEach(walk);
  };
  doc.content.forEach(walk);
  return out;
}

export function docText(doc: PmDoc): string {
  return blocksOf(doc)
    .map((b) => b.text)
    .join("\n")
    .trim();
}

/** Whether a node links back to the incident's data, as every generated sentence does. */
export function hasSourceLink(node: PmNode): boolean {
  if (node.marks?.some((m) => m.type === "link" && m.attrs.href.startsWith("/incidents/"))) return true;
  return (node.content ?? []).some(hasSourceLink);
}

/**
 * What a person wrote: the text of every block that does not link back to the incident's
 * data (generated sentences always do) and is not a heading. Lint reads this to tell an
 * empty root cause from one that only lists the hypotheses recorded during the incident.
 */
export function writtenText(doc: PmDoc): string {
  return blocksOf(doc)
    .filter((b) => b.node.type !== "heading" && !hasSourceLink(b.node))
    .map((b) => b.text.trim())
    .filter(Boolean)
    .join("\n");
}

/** _italic_ only between word boundaries, so snake_case_names stay as they are. */
const INLINE = /(\*\*([^*]+)\*\*|(?<![\w\\])_([^_]+)_(?!\w)|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/g;

function inlineNodes(line: string): PmNode[] {
  const nodes: PmNode[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    if (m.index! > last) nodes.push({ type: "text", text: line.slice(last, m.index) });
    if (m[2]) nodes.push(...inlineNodes(m[2]).map((n) => ({ ...n, marks: [...(n.marks ?? []), { type: "bold" as const }] })));
    else if (m[3]) nodes.push({ type: "text", text: m[3], marks: [{ type: "italic" }] });
    else if (m[4]) nodes.push({ type: "text", text: m[4], marks: [{ type: "code" }] });
    else if (m[5] && m[6] && SAFE_HREF.test(m[6]))
      nodes.push({ type: "text", text: m[5], marks: [{ type: "link", attrs: { href: m[6] } }] });
    else nodes.push({ type: "text", text: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < line.length) nodes.push({ type: "text", text: line.slice(last) });
  return nodes.filter((n) => n.text !== "");
}

/**
 * The light Markdown the section templates write: "### " headings, "- " and "1. " lists, paragraphs,
 * **bold**, _italic_, `code`, [links](/incidents/INC-7#entry-3). HTML stays literal text.
 */
export function markdownToDoc(markdown: string): PmDoc {
  const content: PmNode[] = [];
  let list: PmNode | null = null;
  const closeList = () => {
    if (list) content.push(list);
    list = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const item = /^\s*(?:([-*])|\d{1,3}\.)\s+(.*)$/.exec(line);
    if (item) {
      const kind = item[1] ? "bulletList" : "orderedList";
      if (list && list.type !== kind) closeList();
      list ??= { type: kind, content: [] };
      list.content!.push({ type: "listItem", content: [{ type: "paragraph", content: inlineNodes(item[2]) }] });
      continue;
    }
    closeList();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) content.push({ type: "heading", attrs: { level: 3 }, content: inlineNodes(heading[1]) });
    else if (line.trim() !== "") content.push({ type: "paragraph", content: inlineNodes(line.trim()) });
  }
  closeList();
  return { type: "doc", content };
}
