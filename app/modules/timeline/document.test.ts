import { describe, expect, it } from "vitest";
import { DISGUISED_HREFS } from "../../../tests/fixtures/xss-payloads.ts";
import { cleanDoc, DocSchema, docToText, MAX_DOC_DEPTH, SAFE_LINK, textToDoc, type Doc, type DocNode } from "./document.ts";

const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });
const text = (value: string, marks?: DocNode["marks"]): DocNode =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };

function allMarks(doc: Doc): NonNullable<DocNode["marks"]> {
  const marks: NonNullable<DocNode["marks"]> = [];
  const walk = (node: DocNode) => {
    marks.push(...(node.marks ?? []));
    node.content?.forEach(walk);
  };
  doc.content.forEach(walk);
  return marks;
}

describe("textToDoc", () => {
  it("keeps plain text as one paragraph per line", () => {
    expect(textToDoc("Paged the on-call.\n\nRolled back.")).toEqual({
      type: "doc",
      content: [paragraph(text("Paged the on-call.")), paragraph(text("Rolled back."))],
    });
  });

  it("makes **bold** and `code` marks", () => {
    expect(textToDoc("Error rate **12%** on `api-gw`").content).toEqual([
      paragraph(text("Error rate "), text("12%", [{ type: "bold" }]), text(" on "), text("api-gw", [{ type: "code" }])),
    ]);
  });

  it("links [text](url) and bare URLs, without trailing punctuation", () => {
    expect(textToDoc("See [the runbook](https://wiki.example/rb) and https://status.example/x.").content).toEqual([
      paragraph(
        text("See "),
        text("the runbook", [{ type: "link", attrs: { href: "https://wiki.example/rb" } }]),
        text(" and "),
        text("https://status.example/x", [{ type: "link", attrs: { href: "https://status.example/x" } }]),
        text("."),
      ),
    ]);
  });

  it("cuts bare URLs as the room shows them: a bracket the URL opened stays in, one closing the sentence stays out", () => {
    expect(textToDoc("runbook (http://wiki.example/Runbook_(db)), then [https://a.example/x]").content).toEqual([
      paragraph(
        text("runbook ("),
        text("http://wiki.example/Runbook_(db)", [{ type: "link", attrs: { href: "http://wiki.example/Runbook_(db)" } }]),
        text("), then ["),
        text("https://a.example/x", [{ type: "link", attrs: { href: "https://a.example/x" } }]),
        text("]"),
      ),
    ]);
  });

  it("keeps a bare URL too long for a link as text, so the entry is still accepted", () => {
    const long = `https://a.example/${"x".repeat(2100)}`;
    const doc = textToDoc(`see ${long}`);
    expect(doc.content).toEqual([paragraph(text("see "), text(long))]);
    expect(DocSchema.safeParse(doc).success).toBe(true);
    expect(textToDoc("javascript:alert(1) data:text/html,x").content).toEqual([paragraph(text("javascript:alert(1) data:text/html,x"))]);
  });

  it("turns - lines into a bullet list", () => {
    expect(textToDoc("Next:\n- drain eu-west\n- page DBA").content).toEqual([
      paragraph(text("Next:")),
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [paragraph(text("drain eu-west"))] },
          { type: "listItem", content: [paragraph(text("page DBA"))] },
        ],
      },
    ]);
  });

  it("never makes a javascript: link", () => {
    const doc = textToDoc("[click](javascript:alert(1)) and [x](JavaScript:void(0))");
    expect(allMarks(doc).filter((m) => m.type === "link")).toEqual([]);
    expect(docToText(doc)).toContain("javascript:alert(1)");
  });

  it("keeps HTML as literal text", () => {
    const doc = textToDoc('<script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(doc.content).toEqual([paragraph(text('<script>alert(1)</script> <img src=x onerror="alert(2)">'))]);
  });
});

describe("docToText", () => {
  it.each([
    "One line.",
    "Error rate **12%** on `api-gw`",
    "Next:\n- drain eu-west\n- page DBA",
    "See [the runbook](https://wiki.example/rb)",
    "<b>not bold</b>",
  ])("gives back the words of %j", (input) => {
    const words = (s: string) => s.replace(/\*\*|`|\[|\]\([^)]*\)/g, "");
    expect(docToText(textToDoc(input))).toBe(words(input));
  });

  it("round-trips plain text exactly", () => {
    const input = "Detected by synthetic checks.\nPaged the on-call.\n- step one\n- step two";
    expect(docToText(textToDoc(input))).toBe(input);
    expect(textToDoc(docToText(textToDoc(input)))).toEqual(textToDoc(input));
  });

  it("renders hard breaks and ordered lists", () => {
    const doc: Doc = {
      type: "doc",
      content: [
        paragraph(text("a"), { type: "hardBreak" }, text("b")),
        {
          type: "orderedList",
          content: [
            { type: "listItem", content: [paragraph(text("first"))] },
            { type: "listItem", content: [paragraph(text("second"))] },
          ],
        },
      ],
    };
    expect(docToText(doc)).toBe("a\nb\n1. first\n2. second");
  });
});

describe("DocSchema", () => {
  it("accepts what textToDoc makes", () => {
    expect(DocSchema.safeParse(textToDoc("**a** `b` [c](https://d.example) - e\n- f")).success).toBe(true);
  });

  it("accepts mailto and https links", () => {
    for (const href of ["mailto:oncall@northwind.example", "https://x.example"]) {
      expect(DocSchema.safeParse({ type: "doc", content: [paragraph(text("x", [{ type: "link", attrs: { href } }]))] }).success).toBe(true);
    }
  });

  it("rejects unknown node types", () => {
    for (const type of ["script", "iframe", "image", "html"]) {
      expect(DocSchema.safeParse({ type: "doc", content: [{ type, content: [] }] }).success).toBe(false);
    }
  });

  it("rejects javascript: and data: hrefs, in any case", () => {
    for (const href of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>"]) {
      expect(DocSchema.safeParse({ type: "doc", content: [paragraph(text("x", [{ type: "link", attrs: { href } }]))] }).success).toBe(
        false,
      );
    }
  });

  it.each(DISGUISED_HREFS)("rejects %j, whatever allowed scheme it carries further on", (href) => {
    expect(SAFE_LINK.test(href)).toBe(false);
    expect(DocSchema.safeParse({ type: "doc", content: [paragraph(text("x", [{ type: "link", attrs: { href } }]))] }).success).toBe(false);
    // Typed as light Markdown, it stays text (only an https address inside it may become a link of its own).
    const links = allMarks(textToDoc(`see [the runbook](${href}) now`)).filter((m) => m.type === "link");
    expect(links.filter((m) => !m.attrs.href.startsWith("https://evil.example/"))).toEqual([]);
  });

  it("accepts http, https and mailto links written in capitals", () => {
    for (const href of ["HTTPS://STATUS.EXAMPLE/X", "Http://status.example", "MailTo:oncall@northwind.example"]) {
      const doc = { type: "doc", content: [paragraph(text("x", [{ type: "link", attrs: { href } }]))] };
      expect(DocSchema.safeParse(doc).success, href).toBe(true);
    }
  });

  it("refuses documents nested deeper than anyone writes, without running out of stack", () => {
    const nested = (depth: number): unknown => {
      let node: unknown = paragraph(text("deep"));
      for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
      return { type: "doc", content: [node] };
    };
    expect(DocSchema.safeParse(nested(MAX_DOC_DEPTH - 2)).success).toBe(true);
    expect(DocSchema.safeParse(nested(MAX_DOC_DEPTH + 1)).success).toBe(false);
    expect(DocSchema.safeParse(nested(20_000)).success).toBe(false);
  });

  it("rejects unknown marks and a document that is not a doc", () => {
    expect(DocSchema.safeParse({ type: "doc", content: [paragraph(text("x", [{ type: "onclick" } as never]))] }).success).toBe(false);
    expect(DocSchema.safeParse({ type: "paragraph", content: [] }).success).toBe(false);
  });
});

describe("cleanDoc", () => {
  it("drops attributes that are not rendered", () => {
    const parsed = DocSchema.parse({
      type: "doc",
      content: [
        {
          type: "paragraph",
          attrs: { style: "x" },
          content: [text("x", [{ type: "link", attrs: { href: "https://a.example", target: "_top", onclick: "evil()" } }])],
        },
      ],
    }) as Doc;
    expect(cleanDoc(parsed)).toEqual({
      type: "doc",
      content: [paragraph(text("x", [{ type: "link", attrs: { href: "https://a.example" } }]))],
    });
  });
});
