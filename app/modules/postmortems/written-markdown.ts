// What people wrote in a post-mortem section, as the light Markdown the public report is written
// in (update-text.ts reads it back): paragraphs, lists, bold, italic, code and public links kept;
// headings and generated lines that link back into the incident left out (they are the
// post-mortem's, see writtenText); a link into the app keeps its words only. Pure.
import { hasSourceLink, type PmNode } from "./document.ts";
import { SAFE_LINK } from "~/modules/timeline/document.ts";

function inline(node: PmNode): string {
  if (node.type === "hardBreak") return "\n";
  if (node.type !== "text") return (node.content ?? []).map(inline).join("");
  const marks = node.marks ?? [];
  let out = node.text ?? "";
  if (marks.some((m) => m.type === "code")) return `\`${out.replace(/`/g, "'")}\``;
  for (const mark of marks) {
    if (mark.type === "bold") out = `**${out}**`;
    else if (mark.type === "italic") out = `_${out}_`;
    else if (mark.type === "link" && SAFE_LINK.test(mark.attrs.href)) out = `[${out}](${mark.attrs.href})`;
  }
  return out;
}

function blocks(node: PmNode): string[] {
  switch (node.type) {
    case "heading":
      return [];
    case "paragraph":
      return hasSourceLink(node) ? [] : [inline(node).trim()].filter(Boolean);
    case "codeBlock":
      return inline(node)
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => `\`${line.replace(/`/g, "'")}\``);
    case "bulletList":
    case "orderedList": {
      const items = (node.content ?? [])
        .filter((item) => !hasSourceLink(item))
        .map((item) => (item.content ?? []).flatMap(blocks).join(" "));
      const lines = items.filter(Boolean).map((text, i) => `${node.type === "bulletList" ? "-" : `${i + 1}.`} ${text}`);
      return lines.length ? [lines.join("\n")] : [];
    }
    default:
      return (node.content ?? []).flatMap(blocks);
  }
}

/** A section's written content as light Markdown, blocks apart by a blank line; "" when nothing was written. */
export function writtenMarkdown(doc: { content: PmNode[] }): string {
  return doc.content.flatMap(blocks).join("\n\n");
}
