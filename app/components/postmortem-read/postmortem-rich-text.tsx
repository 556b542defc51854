// Renders a post-mortem section's tiptap document as React elements: headings (h3), lists,
// quotes, code, and links that may point inside the app ("/incidents/INC-3#entry-12"), which
// the timeline's renderer (rich-text.tsx) does not allow. Text is always escaped by React and
// a link survives only if SAFE_HREF allows it, whatever the stored document says.
import type { ReactNode } from "react";
import { SAFE_HREF, type PmDoc, type PmNode } from "~/modules/postmortems/document.ts";

function renderText(node: PmNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    else if (mark.type === "italic") out = <em>{out}</em>;
    else if (mark.type === "strike") out = <s>{out}</s>;
    else if (mark.type === "code") out = <code>{out}</code>;
    else if (mark.type === "link" && SAFE_HREF.test(mark.attrs.href)) {
      const external = !mark.attrs.href.startsWith("/");
      out = external ? (
        <a href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank">
          {out}
        </a>
      ) : (
        <a href={mark.attrs.href}>{out}</a>
      );
    }
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: PmNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderNode);
  switch (node.type) {
    case "text":
      return renderText(node, key);
    case "hardBreak":
      return <br key={key} />;
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading":
      return <h3 key={key}>{children}</h3>;
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList":
      return <ol key={key}>{children}</ol>;
    case "listItem":
      return <li key={key}>{children}</li>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{children}</code>
        </pre>
      );
    default:
      return null;
  }
}

export function PostmortemRichText({ doc, className = "" }: { doc: PmDoc; className?: string }) {
  return <div className={`pm-prose ${className}`}>{doc.content.map(renderNode)}</div>;
}
