// A post-mortem section as Markdown (the API's `markdown` fields and the .md export). Whatever
// renderer reads it shows what was written: the text stays text (markdown-text.ts), a link only
// to the addresses a section may link to, code inside a fence it cannot close, and every line of
// a quote or a list item inside its container. Pure: no I/O.
import { SAFE_HREF, type PmDoc, type PmNode } from "./document.ts";
import { codeFence, codeSpan, escapeLineStart, escapeText, markdownHref } from "./markdown-text.ts";

/** Emphasis cannot start or end with a space: the writer's spaces go outside the markers. */
function wrap(inner: string, marker: string): string {
  const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return core ? `${before}${marker}${core}${marker}${after}` : inner;
}

/**
 * Neighbours with the same marks written as one (a link that may not be one is no mark): two code
 * spans side by side would run their fences together.
 */
function mergeNeighbours(nodes: PmNode[], origin: string): PmNode[] {
  const out: PmNode[] = [];
  for (const node of nodes) {
    const marks = node.marks?.filter((m) => m.type !== "link" || markdownHref(m.attrs.href, origin, SAFE_HREF) !== null);
    const last = out[out.length - 1];
    if (last?.type === "text" && node.type === "text" && JSON.stringify(last.marks ?? []) === JSON.stringify(marks ?? [])) {
      out[out.length - 1] = { ...last, text: (last.text ?? "") + (node.text ?? "") };
    } else out.push(node.type === "text" ? { ...node, marks } : node);
  }
  return out;
}

function inlineMarkdown(nodes: PmNode[], origin: string, oneLine: boolean): string {
  return mergeNeighbours(nodes, origin)
    .map((node) => {
      if (node.type === "hardBreak") return oneLine ? " " : "  \n";
      if (node.type !== "text") return inlineMarkdown(node.content ?? [], origin, oneLine);
      const marks = node.marks ?? [];
      const value = node.text ?? "";
      let out = marks.some((m) => m.type === "code") ? codeSpan(value) : escapeText(value, { oneLine });
      for (const mark of marks) {
        if (mark.type === "bold") out = wrap(out, "**");
        else if (mark.type === "italic") out = wrap(out, "_");
        else if (mark.type === "strike") out = wrap(out, "~~");
        else if (mark.type === "link") {
          const href = markdownHref(mark.attrs.href, origin, SAFE_HREF);
          if (href) out = `[${out}](${href})`;
        }
      }
      return out;
    })
    .join("");
}

/** A paragraph's or heading's lines, each safe at the start of a line. */
function textLines(markdown: string): string[] {
  return markdown.split("\n").map(escapeLineStart);
}

/** Lines of a block inside a container: the first after `first`, the rest after `rest`. */
function within(lines: string[], first: string, rest: string): string[] {
  return lines.map((line, i) => {
    const prefix = i === 0 ? first : rest;
    return line === "" ? prefix.trimEnd() : prefix + line;
  });
}

/** Blocks apart from each other by a blank line (`separator` inside a quote). */
function joinBlocks(blocks: string[][], separator = ""): string[] {
  return blocks.filter((b) => b.length > 0).flatMap((b, i) => (i === 0 ? b : [separator, ...b]));
}

function blockLines(node: PmNode, origin: string): string[] {
  const children = node.content ?? [];
  switch (node.type) {
    case "paragraph": {
      const text = inlineMarkdown(children, origin, false);
      return text.trim() ? textLines(text) : [];
    }
    case "heading": {
      const text = inlineMarkdown(children, origin, true).trim();
      return text ? [`### ${text}`] : [];
    }
    case "codeBlock":
      return codeFence(children.map((c) => (c.type === "hardBreak" ? "\n" : (c.text ?? ""))).join(""));
    case "blockquote": {
      const inner = joinBlocks(children.map((c) => blockLines(c, origin)));
      return inner.map((line) => (line === "" ? ">" : `> ${line}`));
    }
    case "bulletList":
    case "orderedList":
      // Items follow each other directly (a tight list); the blocks inside one item are apart.
      return children.flatMap((item, i) => {
        const marker = node.type === "bulletList" ? "- " : `${i + 1}. `;
        const inner = joinBlocks((item.content ?? []).map((c) => blockLines(c, origin)));
        return within(inner.length ? inner : [""], marker, " ".repeat(marker.length));
      });
    default:
      return [];
  }
}

/** Markdown of a document; links into the app become absolute with `origin`. */
export function docToMarkdown(doc: PmDoc, origin = ""): string {
  return joinBlocks(doc.content.map((node) => blockLines(node, origin))).join("\n");
}
