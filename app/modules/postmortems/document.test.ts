// What a post-mortem section may link to: http(s), mailto and paths on this site, checked at the
// start of the address however it is disguised; the same rule in the API's sanitizer and the
// live editor's link extension.
import { describe, expect, it } from "vitest";
import { DISGUISED_HREFS } from "../../../tests/fixtures/xss-payloads.ts";
import { markdownToDoc, SAFE_HREF, sanitizeDoc, SectionDocSchema, type PmDoc } from "./document.ts";
import { isSafeHref } from "./editor-extensions.ts";

const linked = (href: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "the runbook", marks: [{ type: "link", attrs: { href } }] }] }],
});
const marksOf = (doc: PmDoc) => doc.content.flatMap((block) => (block.content ?? []).flatMap((node) => node.marks ?? []));

describe("links in a post-mortem section", () => {
  it.each(DISGUISED_HREFS)("drops the link %j and keeps its text, whatever allowed scheme it carries further on", (href) => {
    expect(SAFE_HREF.test(href)).toBe(false);
    expect(isSafeHref(href)).toBe(false);
    const stored = SectionDocSchema.parse(linked(href));
    expect(marksOf(stored)).toEqual([]);
    expect(stored.content[0].content?.[0].text).toBe("the runbook");
  });

  it.each(["//evil.example/x", "/\\evil.example/x", "\\\\evil.example"])("drops %j, which leaves the site", (href) => {
    expect(marksOf(sanitizeDoc(linked(href)))).toEqual([]);
    expect(isSafeHref(href)).toBe(false);
  });

  it("keeps http(s) in any case, mailto and paths on this site, trimmed", () => {
    for (const [href, kept] of [
      ["https://status.example/x", "https://status.example/x"],
      ["HTTP://STATUS.EXAMPLE", "HTTP://STATUS.EXAMPLE"],
      ["MailTo:ops@example.com", "MailTo:ops@example.com"],
      ["/incidents/INC-7#entry-12", "/incidents/INC-7#entry-12"],
      ["  https://status.example/y \n", "https://status.example/y"],
    ]) {
      expect(marksOf(sanitizeDoc(linked(href))), href).toEqual([{ type: "link", attrs: { href: kept } }]);
      expect(isSafeHref(href), href).toBe(true);
    }
  });
});
describe("a section's document sent through the API", () => {
  it("is refused with a reason, not a crash, however deep its JSON nests (arrays or objects)", () => {
    for (const depth of [300, 5_000, 10_000]) {
      for (const deep of [
        JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`),
        JSON.parse(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
      ]) {
        const parsed = SectionDocSchema.safeParse(deep);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0].message).toMatch(/must not nest more than \d+ levels/);
      }
    }
  });

  it("is refused the same way when the depth hides inside a node's content or attributes", () => {
    const nested = (depth: number, inner: unknown) => {
      let value = inner;
      for (let i = 0; i < depth; i++) value = [value];
      return value;
    };
    for (const body of [
      { type: "doc", content: nested(10_000, {}) },
      { type: "doc", content: [{ type: "paragraph", attrs: nested(20_000, 1) }] },
    ]) {
      expect(SectionDocSchema.safeParse(body).error?.issues[0].message).toMatch(/must not nest more than \d+ levels/);
    }
  });

  it("still takes a real document nested as deep as anyone writes", () => {
    let content = [{ type: "paragraph", content: [{ type: "text", text: "deep" }] }];
    for (let i = 0; i < 20; i++) content = [{ type: "bulletList", content: [{ type: "listItem", content }] }] as never;
    expect(SectionDocSchema.safeParse({ type: "doc", content }).success).toBe(true);
  });
});

describe("the light Markdown of section templates and reports", () => {
  it("reads numbered lists as well as bullets, each list apart", () => {
    expect(markdownToDoc("1. One\n2. Two\n- Three").content.map((n) => [n.type, n.content?.length])).toEqual([
      ["orderedList", 2],
      ["bulletList", 1],
    ]);
  });
});
