// Renders a stored tiptap document as React elements: only the nodes and marks we allow, text
// always escaped by React, and a link only when `safeHref` allows it (timeline entries: http(s)
// and mailto; post-mortems also same-site paths such as "/incidents/INC-3#entry-12", which open
// in the same tab). No HTML string is ever injected.
import type { ReactNode } from "react";
import type { PmNode } from "~/modules/postmortems/document.ts";
import { SAFE_LINK, type Doc } from "~/modules/timeline/document.ts";

function renderText(node: PmNode, key: number, safeHref: RegExp): ReactNode {
  let out: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    else if (mark.type === "italic") out = <em>{out}</em>;
    else if (mark.type === "strike") out = <s>{out}</s>;
    else if (mark.type === "code") out = <code>{out}</code>;
    else if (mark.type === "link" && safeHref.test(mark.attrs.href)) {
      out = mark.attrs.href.startsWith("/") ? (
        <a href={mark.attrs.href}>{out}</a>
      ) : (
        <a href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank">
          {out}
        </a>
      );
    }
  }
  return <span key={key}>{out}</span>;
}

function renderNode(node: PmNode, key: number, safeHref: RegExp): ReactNode {
  const children = (node.content ?? []).map((child, i) => renderNode(child, i, safeHref));
  switch (node.type) {
    case "text":
      return renderText(node, key, safeHref);
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

export function RichText({
  doc,
  className = "",
  safeHref = SAFE_LINK,
  prose = "prose-entry",
}: {
  doc: Doc | { type: "doc"; content: PmNode[] };
  className?: string;
  safeHref?: RegExp;
  /** the stylesheet class of this kind of text */
  prose?: string;
}) {
  return <div className={`${prose} ${className}`}>{(doc.content as PmNode[]).map((node, i) => renderNode(node, i, safeHref))}</div>;
}
