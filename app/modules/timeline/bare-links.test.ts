import { describe, expect, it } from "vitest";
import { splitBareLinks } from "./bare-links.ts";

const links = (text: string) => splitBareLinks(text).flatMap((p) => (p.href ? [p.href] : []));

describe("bare URLs in an entry's text", () => {
  it("cuts the text into plain runs and http(s) links, losing no character", () => {
    const text = "Status at https://status.example.com/x?y=1 and http://grafana.local:3000/d/abc now";
    const parts = splitBareLinks(text);
    expect(parts).toEqual([
      { text: "Status at " },
      { text: "https://status.example.com/x?y=1", href: "https://status.example.com/x?y=1" },
      { text: " and " },
      { text: "http://grafana.local:3000/d/abc", href: "http://grafana.local:3000/d/abc" },
      { text: " now" },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(text);
  });

  it("leaves text without a link as one plain run", () => {
    expect(splitBareLinks("nothing here")).toEqual([{ text: "nothing here" }]);
    expect(splitBareLinks("")).toEqual([]);
  });

  it.each([
    ["See https://a.example/b.", "https://a.example/b"],
    ["See https://a.example/b, then", "https://a.example/b"],
    ["(see https://a.example/b)", "https://a.example/b"],
    ["[https://a.example/b]", "https://a.example/b"],
    ["https://a.example/b).", "https://a.example/b"],
    ["https://a.example/b!?", "https://a.example/b"],
    ['"https://a.example/b"', "https://a.example/b"],
    ["'https://a.example/b';", "https://a.example/b"],
    ["https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"],
    ["(https://en.wikipedia.org/wiki/Foo_(bar))", "https://en.wikipedia.org/wiki/Foo_(bar)"],
    ["<https://a.example/b>", "https://a.example/b"],
    ["HTTPS://A.EXAMPLE/B", "HTTPS://A.EXAMPLE/B"],
  ])("keeps the punctuation after the URL outside the link: %s", (text, href) => {
    expect(links(text)).toEqual([href]);
    expect(
      splitBareLinks(text)
        .map((p) => p.text)
        .join(""),
    ).toBe(text);
  });

  it.each([
    "javascript:alert(1)",
    "javascript://https://a.example/%0aalert(1)",
    "JaVaScRiPt:alert('https://x')",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "ftp://files.example/x",
    "mailto:a@b.example",
    "https://",
    "http:// spaced",
    "xhttps://a.example",
    "//a.example/protocol-relative",
  ])("makes no link of anything but an http(s) URL with a host: %s", (text) => {
    for (const href of links(text)) expect(href).toMatch(/^https?:\/\/[^\s/]/i);
    expect(links(text).some((h) => /javascript|data:|vbscript/i.test(h.split("//")[0]!))).toBe(false);
  });

  it("links nothing in javascript: URLs or URLs glued to a word", () => {
    expect(links("javascript:alert(1)")).toEqual([]);
    expect(links("xhttps://a.example")).toEqual([]);
    expect(links("https://")).toEqual([]);
    expect(links("javascript://https://a.example/")).toEqual([]);
  });

  it("keeps markup as text: the caller renders every part as a text node", () => {
    const parts = splitBareLinks('<img src=x onerror=alert(1)> https://a.example/"><script>alert(1)</script>');
    expect(parts.map((p) => p.href).filter(Boolean)).toEqual(["https://a.example/"]);
    expect(parts.map((p) => p.text).join("")).toContain("<script>");
  });

  it("handles long text without a catastrophic backtrack", () => {
    const text = `${"https://a.example/".padEnd(20_000, ")")}`;
    const started = performance.now();
    splitBareLinks(text);
    splitBareLinks("https://".repeat(2_500));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
