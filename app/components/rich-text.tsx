// Renders a stored tiptap document as React elements: only the nodes and marks we allow, text
// always escaped by React, and a link only when `safeHref` allows it (timeline entries: http(s)
// and mailto; post-mortems also same-site paths such as "/incidents/INC-3#entry-12", which open
// in the same tab). No HTML string is ever injected. With `bareLinks` (timeline entries for
// signed-in readers), a bare http(s) URL in plain text becomes a link too.
import type { ReactNode } from "react";
import { splitBareLinks } from "~/modules/timeline/bare-links.ts";
import type { PmNode } from "~/modules/postmortems/document.ts";
import { SAFE_LINK, type Doc } from "~/modules/timeline/document.ts";

type Options = { safeHref: RegExp; bareLinks: boolean };

/** Plain text with its bare http(s) URLs as links; every part stays a React text node. */
export function BareLinks({ text }: { text: string }) {
  return (
    <>
      {splitBareLinks(text).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} rel="noopener noreferrer nofollow" target="_blank">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function renderText(node: PmNode, key: number, { safeHref, bareLinks }: Options): ReactNode {
  const marks = node.marks ?? [];
  const plain = !marks.some((m) => m.type === "link" || m.type === "code");
  let out: ReactNode = bareLinks && plain ? <BareLinks text={node.text ?? ""} /> : (node.text ?? "");
  for (const mark of marks) {
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

function renderNode(node: PmNode, key: number, options: Options): ReactNode {
  const inCode = node.type === "codeBlock";
  const children = (node.content ?? []).map((child, i) => renderNode(child, i, inCode ? { ...options, bareLinks: false } : options));
  switch (node.type) {
    case "text":
      return renderText(node, key, options);
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
  bareLinks = false,
}: {
  doc: Doc | { type: "doc"; content: PmNode[] };
  className?: string;
  safeHref?: RegExp;
  /** the stylesheet class of this kind of text */
  prose?: string;
  /** bare http(s) URLs in plain text become links (timeline entries for signed-in readers) */
  bareLinks?: boolean;
}) {
  const options = { safeHref, bareLinks };
  return <div className={`${prose} ${className}`}>{(doc.content as PmNode[]).map((node, i) => renderNode(node, i, options))}</div>;
}
