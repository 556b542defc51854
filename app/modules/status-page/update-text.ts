// What an update says, in each form it goes out in. Most updates are short plain text. The
// root-cause report (status "postmortem") is rich text written in light Markdown ("## " headings,
// "- " and "1. " lists, **bold**, _italic_, `code`, [links](https://…)): the public pages, the
// feeds and the email's HTML part render it as a document, with only http, https and mailto links;
// the Statuspage JSON and the email's text part carry it as plain text with line breaks; lists show
// one clean line of it. Pure.
import { markdownToDoc, type PmDoc, type PmMark, type PmNode } from "~/modules/postmortems/document.ts";
import { SAFE_LINK } from "~/modules/timeline/document.ts";

/** The updates written as rich text: the public root-cause report. */
export function isRichUpdate(status: string): boolean {
  return status === "postmortem";
}

const BARE_URL = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

function linked(node: PmNode): PmNode[] {
  if (node.type !== "text") return [{ ...node, content: node.content?.flatMap(linked) }];
  const marks = (node.marks ?? []).filter((m): m is PmMark => m.type !== "link" || SAFE_LINK.test(m.attrs.href));
  const keep = (n: PmNode): PmNode => (marks.length ? { ...n, marks } : { type: "text", text: n.text });
  if (marks.some((m) => m.type === "link" || m.type === "code")) return [keep(node)];
  const text = node.text ?? "";
  const out: PmNode[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const start = match.index ?? 0;
    if (start > last) out.push(keep({ type: "text", text: text.slice(last, start) }));
    out.push({ type: "text", text: match[0], marks: [...marks, { type: "link", attrs: { href: match[0] } }] });
    last = start + match[0].length;
  }
  if (last < text.length) out.push(keep({ type: "text", text: text.slice(last) }));
  return out;
}

/** The report as a document: light Markdown, bare http(s) URLs linked, any other link (an app path) left as its text. */
export function reportDoc(body: string): PmDoc {
  return { type: "doc", content: markdownToDoc(body).content.flatMap(linked) };
}

function inlineText(node: PmNode): string {
  if (node.type === "hardBreak") return "\n";
  if (node.type !== "text") return (node.content ?? []).map(inlineText).join("");
  const link = node.marks?.find((m) => m.type === "link");
  const text = node.text ?? "";
  if (!link || link.type !== "link") return text;
  const href = link.attrs.href.replace(/^mailto:/i, "");
  return href === text ? text : `${text} (${href})`;
}

function blockText(node: PmNode): string {
  switch (node.type) {
    case "bulletList":
    case "orderedList":
      return (node.content ?? [])
        .map((item, i) => `${node.type === "bulletList" ? "-" : `${i + 1}.`} ${(item.content ?? []).map(blockText).join("\n   ")}`)
        .join("\n");
    case "blockquote":
      return (node.content ?? []).map(blockText).join("\n\n");
    default:
      return inlineText(node).trim();
  }
}

/** Plain text with line breaks: a heading on its own line above its text, blank lines between blocks, "- " items, "text (url)" links. */
export function updatePlainText(status: string, body: string): string {
  if (!isRichUpdate(status)) return body;
  const blocks = reportDoc(body).content;
  return blocks
    .map((node, i) => blockText(node) + (i < blocks.length - 1 ? (node.type === "heading" ? "\n" : "\n\n") : ""))
    .join("")
    .trim();
}

/** At most `max` characters on one line, cut at a word, for lists and email subjects' summaries. */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

/** One clean line: the first paragraph that is not a heading, without markup or addresses. */
export function updateExcerpt(status: string, body: string, max = 160): string {
  if (!isRichUpdate(status)) return oneLine(body.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)[0] ?? "", max);
  const words = (node: PmNode): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return " ";
    const inline = node.type === "paragraph" || node.type === "heading";
    return (node.content ?? []).map(words).join(inline ? "" : " ");
  };
  const first = reportDoc(body).content.find((node) => node.type !== "heading" && words(node).trim() !== "");
  return first ? oneLine(words(first), max) : "";
}
