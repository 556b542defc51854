// Renders a stored tiptap document as React elements: only the nodes and marks we allow,
// text always escaped by React, links only http(s) and mailto. No HTML string is ever injected.
import type { ReactNode } from "react";
import { SAFE_LINK, type Doc, type DocNode } from "~/modules/timeline/document.ts";

function renderText(node: DocNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    else if (mark.type === "italic") out = <em>{out}</em>;
    else if (mark.type === "strike") out = <s>{out}</s>;
    else if (mark.type === "code") out = <code>{out}</code>;
    else if (mark.type === "link" && SAFE_LINK.test(mark.attrs.href)) {
      out = (
        <a href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank">
          {out}
        </a>
      );
    }
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: DocNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderNode);
  switch (node.type) {
    case "text":
      return renderText(node, key);
    case "hardBreak":
      return <br key={key} />;
    case "paragraph":
      return <p key={key}>{children}</p>;
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

export function RichText({ doc, className = "" }: { doc: Doc; className?: string }) {
  return <div className={`prose-entry ${className}`}>{doc.content.map(renderNode)}</div>;
}
