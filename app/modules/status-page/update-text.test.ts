import { describe, expect, it } from "vitest";
import { isRichUpdate, reportDoc, updateExcerpt, updatePlainText } from "./update-text.ts";

const WRITE_UP = "See [our write-up](https://northwind.test/blog/routing) or https://northwind.test/faq.";
const REPORT = `## What happened
A routing change sent **all** chat traffic to one cluster. ${WRITE_UP}

## What we will do
- Cap traffic per cluster ([tracked](/incidents/INC-42#entry-3))
- Page the on-call sooner
1. First
2. Second

Questions: [support](mailto:help@northwind.test) · [bad](javascript:alert(1))`;

describe("the root-cause report as a document", () => {
  it("is the only kind of update written in rich text", () => {
    expect(isRichUpdate("postmortem")).toBe(true);
    for (const status of ["investigating", "identified", "monitoring", "resolved", "scheduled", "in_progress", "completed"])
      expect(isRichUpdate(status)).toBe(false);
  });

  it("has headings, bullet and numbered lists, and http(s) and mailto links, bare URLs linked", () => {
    const doc = reportDoc(REPORT);
    expect(doc.content.map((n) => n.type)).toEqual(["heading", "paragraph", "heading", "bulletList", "orderedList", "paragraph"]);
    const links = JSON.stringify(doc).match(/"href":"[^"]+"/g);
    expect(links).toEqual([
      '"href":"https://northwind.test/blog/routing"',
      '"href":"https://northwind.test/faq"',
      '"href":"mailto:help@northwind.test"',
    ]);
  });

  it("keeps an app path or a javascript: link as text, never as a link", () => {
    const json = JSON.stringify(reportDoc(REPORT));
    expect(json).not.toMatch(/"href":"(\/|javascript)/i);
    expect(json).toContain('"text":"[bad](javascript:alert(1)"');
    expect(json).toContain('"text":"tracked"');
  });
});

describe("the report as plain text (Statuspage JSON, the email's text part)", () => {
  it("keeps its structure in line breaks: headings on their own line, items with dashes and numbers, links with their address", () => {
    expect(updatePlainText("postmortem", REPORT)).toBe(`What happened
A routing change sent all chat traffic to one cluster. See our write-up (https://northwind.test/blog/routing) or https://northwind.test/faq.

What we will do
- Cap traffic per cluster (tracked)
- Page the on-call sooner

1. First
2. Second

Questions: support (help@northwind.test) · [bad](javascript:alert(1))`);
  });

  it("leaves any other update's text as it was written", () => {
    const text = "We are **investigating**.\n\n- not a list here";
    expect(updatePlainText("investigating", text)).toBe(text);
  });
});

describe("one clean line for the history list", () => {
  it("is the report's first paragraph, without headings, markup or addresses", () => {
    expect(updateExcerpt("postmortem", REPORT)).toBe(
      "A routing change sent all chat traffic to one cluster. See our write-up or https://northwind.test/faq.",
    );
  });

  it("is cut at a word with an ellipsis when long, and never spans lines", () => {
    const long = `## Summary\n${"Chat failed for most customers in Europe and the API answered slowly ".repeat(5)}`;
    const excerpt = updateExcerpt("postmortem", long, 80);
    expect(excerpt.length).toBeLessThanOrEqual(80);
    expect(excerpt).toMatch(/\w…$/);
    expect(excerpt).not.toMatch(/\n|##/);
    expect(updateExcerpt("identified", "Line one\nline two\n\nSecond paragraph")).toBe("Line one line two");
  });

  it("is empty for a report with nothing but headings", () => {
    expect(updateExcerpt("postmortem", "## What happened\n## Why")).toBe("");
  });
});
