import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "./rich-text.tsx";
import type { Doc } from "~/modules/timeline/document.ts";

const para = (...content: Doc["content"]): Doc => ({ type: "doc", content: [{ type: "paragraph", content }] });
const html = (doc: Doc, bareLinks = true) => renderToStaticMarkup(createElement(RichText, { doc, bareLinks }));

describe("RichText with bare links (timeline entries)", () => {
  it("makes a bare https URL a link opening in a new tab, the full stop after it outside", () => {
    const out = html(para({ type: "text", text: "See https://grafana.example/d/1?x=1&y=2. Then <b>go</b>" }));
    expect(out).toContain('<a href="https://grafana.example/d/1?x=1&amp;y=2" rel="noopener noreferrer nofollow" target="_blank">');
    expect(out).toContain("https://grafana.example/d/1?x=1&amp;y=2</a>. Then &lt;b&gt;go&lt;/b&gt;");
  });

  it("keeps the markup of a URL-shaped attack as text and links no javascript:", () => {
    const out = html(para({ type: "text", text: 'javascript:alert(1) https://a.example/"><img src=x onerror=alert(1)>' }));
    expect(out).not.toContain("<img");
    expect(out).not.toMatch(/href="javascript/i);
    expect(out).toContain('href="https://a.example/"');
  });

  it("leaves code and text already linked alone, and links nothing without bareLinks", () => {
    const doc = para(
      { type: "text", text: "https://in.code/x", marks: [{ type: "code" }] },
      { type: "text", text: "https://shown.example", marks: [{ type: "link", attrs: { href: "https://target.example" } }] },
    );
    expect(html(doc)).not.toContain('in.code/x"');
    expect(html(doc).match(/<a /g)).toHaveLength(1);
    expect(html(para({ type: "text", text: "https://a.example" }), false)).not.toContain("<a ");
  });

  it("links inside bold text and lists, not inside code blocks", () => {
    const item = para({ type: "text", text: "x https://b.example/y", marks: [{ type: "bold" }] }).content[0]!;
    const doc: Doc = {
      type: "doc",
      content: [
        { type: "bulletList", content: [{ type: "listItem", content: [item] }] },
        { type: "codeBlock", content: [{ type: "text", text: "curl https://c.example/z" }] },
      ],
    };
    const out = html(doc);
    expect(out).toContain('<strong>x <a href="https://b.example/y"');
    expect(out).not.toContain('href="https://c.example/z"');
  });
});
