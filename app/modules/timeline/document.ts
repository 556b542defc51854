// Timeline entries are tiptap documents. This module checks a document against the nodes
// and marks we allow, turns Markdown-ish text into one, and a document back into text.
// Pure: no I/O.
import { z } from "zod";
import { splitBareLinks } from "./bare-links.ts";

export const SAFE_LINK = /^(https?:|mailto:)/i;
const MAX_HREF = 2000;

const MarkSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }),
  z.object({ type: z.literal("italic") }),
  z.object({ type: z.literal("strike") }),
  z.object({ type: z.literal("code") }),
  z.object({
    type: z.literal("link"),
    attrs: z.object({ href: z.string().max(MAX_HREF).regex(SAFE_LINK, "links must be http, https or mailto") }).passthrough(),
  }),
]);
export type Mark = z.infer<typeof MarkSchema>;

export type DocNode = {
  type: "doc" | "paragraph" | "text" | "hardBreak" | "bulletList" | "orderedList" | "listItem" | "blockquote" | "codeBlock";
  text?: string;
  marks?: Mark[];
  content?: DocNode[];
};

const NodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal("text"), text: z.string().min(1).max(20_000), marks: z.array(MarkSchema).max(8).optional() }),
    z.object({ type: z.literal("hardBreak") }),
    z.object({
      type: z.enum(["paragraph", "bulletList", "orderedList", "listItem", "blockquote", "codeBlock"]),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(NodeSchema).max(500).optional(),
    }),
  ]),
) as z.ZodType<DocNode>;

/**
 * Deeper than anyone writes (lists in lists in quotes stay far below). Checked before the
 * recursive parse: every walk over a document, the JSON column included, has a depth limit.
 */
export const MAX_DOC_DEPTH = 32;

function nestsWithin(node: unknown, levels: number): boolean {
  if (levels < 0) return false;
  const content = (node as { content?: unknown } | null)?.content;
  return !Array.isArray(content) || content.every((child) => nestsWithin(child, levels - 1));
}

export const DocSchema = z
  .custom<unknown>((value) => nestsWithin(value, MAX_DOC_DEPTH), `must not nest more than ${MAX_DOC_DEPTH} levels`)
  .pipe(z.object({ type: z.literal("doc"), content: z.array(NodeSchema).max(500) }));
export type Doc = { type: "doc"; content: DocNode[] };

export const MAX_ENTRY_CHARS = 20_000;

/** Strips attributes we do not use, so what is stored is exactly what we render. */
function clean(node: DocNode): DocNode {
  if (node.type === "text") {
    const marks = node.marks?.map((m) => (m.type === "link" ? { type: "link" as const, attrs: { href: m.attrs.href } } : m));
    return marks?.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text };
  }
  if (node.type === "hardBreak") return { type: "hardBreak" };
  return node.content?.length ? { type: node.type, content: node.content.map(clean) } : { type: node.type };
}

export function cleanDoc(doc: Doc): Doc {
  return { type: "doc", content: doc.content.map(clean) };
}

export function docToText(doc: Doc): string {
  const blocks: string[] = [];
  const inline = (node: DocNode): string =>
    node.type === "text" ? (node.text ?? "") : node.type === "hardBreak" ? "\n" : (node.content ?? []).map(inline).join("");
  const walk = (node: DocNode, prefix = "") => {
    switch (node.type) {
      case "paragraph":
      case "codeBlock":
        blocks.push(prefix + inline(node));
        break;
      case "bulletList":
      case "orderedList":
        (node.content ?? []).forEach((item, i) =>
          (item.content ?? []).forEach((child) => walk(child, node.type === "bulletList" ? "- " : `${i + 1}. `)),
        );
        break;
      default:
        (node.content ?? []).forEach((child) => walk(child, prefix));
    }
  };
  doc.content.forEach((n) => walk(n));
  return blocks.join("\n").trim();
}

const INLINE = /(\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/g;

/** Plain text with its bare http(s) URLs as links, cut as the room shows them (bare-links.ts). */
const plainNodes = (text: string): DocNode[] =>
  splitBareLinks(text).map((part) =>
    part.href && part.href.length <= MAX_HREF
      ? { type: "text", text: part.text, marks: [{ type: "link", attrs: { href: part.href } }] }
      : { type: "text", text: part.text },
  );

function inlineNodes(line: string): DocNode[] {
  const nodes: DocNode[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    if (m.index! > last) nodes.push(...plainNodes(line.slice(last, m.index)));
    if (m[2]) nodes.push({ type: "text", text: m[2], marks: [{ type: "bold" }] });
    else if (m[3]) nodes.push({ type: "text", text: m[3], marks: [{ type: "code" }] });
    else if (m[4] && m[5] && SAFE_LINK.test(m[5]))
      nodes.push({ type: "text", text: m[4], marks: [{ type: "link", attrs: { href: m[5] } }] });
    else nodes.push({ type: "text", text: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < line.length) nodes.push(...plainNodes(line.slice(last)));
  return nodes;
}

/**
 * Text with light Markdown (**bold**, `code`, [links](https://...), bare URLs, "- " lists)
 * as a document. Anything else, HTML included, stays literal text.
 */
export function textToDoc(text: string): Doc {
  const content: DocNode[] = [];
  let list: DocNode | null = null;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) {
      list ??= { type: "bulletList", content: [] };
      list.content!.push({ type: "listItem", content: [{ type: "paragraph", content: inlineNodes(item[1]) }] });
      continue;
    }
    if (list) {
      content.push(list);
      list = null;
    }
    if (line.trim() === "") continue;
    content.push({ type: "paragraph", content: inlineNodes(line) });
  }
  if (list) content.push(list);
  return { type: "doc", content };
}

/** A document as Prisma's Json input (the schema above guarantees it is plain JSON). */
export function docJson(doc: Doc): object {
  return doc as unknown as object;
}
