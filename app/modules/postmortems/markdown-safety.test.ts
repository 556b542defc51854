// The Markdown we write (a section's `markdown` in the API, the /postmortems/:id.md export) is
// read back by a real Markdown renderer at its most trusting: markdown-it with raw HTML on, bare
// URLs linked, and no link check of its own (a reader's tool may have none). Whatever people wrote
// must come back as the same text: no raw HTML, no element or attribute outside a short list, no
// link that is not http(s), mailto or this site, and no structure (heading, list, table, code,
// emphasis) that the writer did not make.
import { describe, expect, it } from "vitest";
import { CODE_PAYLOADS, LINK_HREFS, payloadDoc, XSS_PAYLOADS } from "../../../tests/fixtures/xss-payloads.ts";
import { sanitizeDoc } from "./document.ts";
import { headlineNumbers, keyMoments } from "./headline.ts";
import { postmortemMarkdown, type PostmortemToExport } from "./markdown.ts";
import { docToMarkdown } from "./section-markdown.ts";
import { SECTIONS } from "./sections.ts";
import { EVERY_TEXT, doc, link, paragraph, read, reader, sameLines, text, visibleText } from "./markdown-safety.fixtures.ts";

describe("a section's Markdown read by a renderer that allows HTML", () => {
  it.each(EVERY_TEXT)("keeps %j as the same text in a paragraph", (value) => {
    const reading = read(docToMarkdown(doc(paragraph(text(value)))));
    expect(reading.problems).toEqual([]);
    expect([...reading.tags].filter((t) => !["p", "br"].includes(t))).toEqual([]);
    expect(visibleText(reading.html)).toBe(sameLines(value));
  });

  it.each(EVERY_TEXT)("keeps %j as one line of text in a heading, a list item and a quote", (value) => {
    const flat = value.replace(/\s*\n\s*/g, " ").trim();
    const heading = read(docToMarkdown(doc({ type: "heading", attrs: { level: 3 }, content: [text(value)] })));
    expect(heading.problems).toEqual([]);
    expect([...heading.tags].filter((t) => t !== "h3")).toEqual([]);
    expect(visibleText(heading.html)).toBe(flat);

    const list = read(
      docToMarkdown(
        doc({
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph(text(value))] },
            { type: "listItem", content: [paragraph(text("next"))] },
          ],
        }),
      ),
    );
    expect(list.problems).toEqual([]);
    expect([...list.tags].filter((t) => !["ul", "li", "br"].includes(t))).toEqual([]);
    expect(visibleText(list.html)).toBe(`${sameLines(value)}\nnext`);

    const ordered = read(
      docToMarkdown(
        doc({
          type: "orderedList",
          content: Array.from({ length: 11 }, () => ({ type: "listItem" as const, content: [paragraph(text(value))] })),
        }),
      ),
    );
    expect(ordered.problems).toEqual([]);
    expect([...ordered.tags].filter((t) => !["ol", "li", "br"].includes(t))).toEqual([]);
    expect(ordered.html.match(/<li>/g)).toHaveLength(11);

    const quote = read(docToMarkdown(doc({ type: "blockquote", content: [paragraph(text(value)), paragraph(text("more"))] })));
    expect(quote.problems).toEqual([]);
    expect([...quote.tags].filter((t) => !["blockquote", "p", "br"].includes(t))).toEqual([]);
    expect(quote.html.match(/<blockquote>/g)).toHaveLength(1);
  });

  it.each(EVERY_TEXT)("keeps %j as the text of bold, italic, struck and linked words", (value) => {
    const marked = read(
      docToMarkdown(doc(paragraph(text("a "), text(value, [{ type: "bold" }, { type: "italic" }, { type: "strike" }]), text(" z")))),
    );
    expect(marked.problems).toEqual([]);
    expect([...marked.tags].filter((t) => !["p", "br", "strong", "em", "s"].includes(t))).toEqual([]);
    expect(visibleText(marked.html)).toBe(sameLines(`a ${value} z`));

    const linked = read(docToMarkdown(doc(paragraph(text(value, [link("https://status.example.com/x")])))));
    expect(linked.problems).toEqual([]);
    expect(linked.hrefs[0]).toBe("https://status.example.com/x");
    expect(visibleText(linked.html)).toBe(sameLines(value));
  });

  it.each([...CODE_PAYLOADS, ...EVERY_TEXT])("keeps %j as code, in a block and inline", (value) => {
    const block = read(docToMarkdown(doc({ type: "codeBlock", content: [text(value)] }, paragraph(text("after")))));
    expect(block.problems).toEqual([]);
    expect([...block.tags].sort()).toEqual(["code", "p", "pre"]);
    expect(block.html).toBe(`<pre><code>${reader.utils.escapeHtml(value)}\n</code></pre>\n<p>after</p>\n`);

    const inline = read(docToMarkdown(doc(paragraph(text("run "), text(value, [{ type: "code" }]), text(" now")))));
    expect(inline.problems).toEqual([]);
    expect([...inline.tags].sort()).toEqual(["code", "p"]);
    // A code span shows line breaks as spaces (CommonMark); the characters are the writer's.
    expect(inline.html).toBe(`<p>run <code>${reader.utils.escapeHtml(value.replace(/\n/g, " "))}</code> now</p>\n`);
  });

  it("keeps a code block in a quote and in a list item inside them", () => {
    const code = { type: "codeBlock" as const, content: [text(CODE_PAYLOADS[0])] };
    const md = docToMarkdown(
      doc(
        { type: "blockquote", content: [code] },
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("item")), code] }] },
      ),
    );
    const reading = read(md);
    expect(reading.problems).toEqual([]);
    expect(reading.html).toBe(
      `<blockquote>\n<pre><code>${reader.utils.escapeHtml(CODE_PAYLOADS[0])}\n</code></pre>\n</blockquote>\n` +
        `<ul>\n<li>\n<p>item</p>\n<pre><code>${reader.utils.escapeHtml(CODE_PAYLOADS[0])}\n</code></pre>\n</li>\n</ul>\n`,
    );
  });
});

describe("links in a section's Markdown", () => {
  it("keeps an address with a newline and <img onerror> one link, and writes no HTML (the shape that got through)", () => {
    const href = "https://status.example.com/a\n<img src=x onerror=alert(1)>";
    const reading = read(docToMarkdown(sanitizeDoc(doc(paragraph(text("see the runbook", [link(href)]))))));
    expect(reading.problems).toEqual([]);
    expect(reading.hrefs).toHaveLength(1);
    expect(decodeURI(reading.hrefs[0])).toBe("https://status.example.com/a<img src=x onerror=alert(1)>");
    expect(visibleText(reading.html)).toBe("see the runbook");
  });

  it.each([...LINK_HREFS.safe, ...LINK_HREFS.breaking])("writes %j as one link to the address a browser would follow", (href) => {
    const reading = read(docToMarkdown(doc(paragraph(text("before "), text("the ] link [x](y)", [link(href)]), text(" after")))));
    expect(reading.problems).toEqual([]);
    expect(reading.hrefs).toHaveLength(1);
    // A browser drops tabs and line breaks from an address, then percent-encodes what is left.
    expect(decodeURI(reading.hrefs[0])).toBe(href.replace(/[\t\n\r]/g, "").trim());
    expect(visibleText(reading.html)).toBe("before the ] link [x](y) after");
  });

  it.each(LINK_HREFS.dangerous)("never writes %j as a link, even from a document stored before the checks", (href) => {
    const reading = read(docToMarkdown(doc(paragraph(text("click", [link(href)]), text(` ${href}`)))));
    expect(reading.problems).toEqual([]);
    expect(reading.hrefs).toEqual([]);
    expect(visibleText(reading.html)).toBe(sameLines(`click ${href}`));
  });

  it("writes code spans side by side, and beside backticks in text, without running their fences together", () => {
    const value = doc(
      paragraph(
        text("x`"),
        text("a`b", [{ type: "code" }]),
        text("``c", [{ type: "code" }, link("javascript:alert(1)")]),
        text("`<img src=x onerror=alert(1)>`", [{ type: "code" }, { type: "bold" }]),
        text("`y"),
      ),
    );
    const reading = read(docToMarkdown(value));
    expect(reading.problems).toEqual([]);
    expect(reading.html).toBe(`<p>x\`<code>a\`b\`\`c</code><strong><code>\`&lt;img src=x onerror=alert(1)&gt;\`</code></strong>\`y</p>\n`);
  });

  it("makes a path on this site absolute with the page's origin, encoded the same way", () => {
    const reading = read(
      docToMarkdown(
        doc(paragraph(text("entry", [link("/incidents/INC-1#entry-2) <img src=x onerror=alert(1)>")]))),
        "https://desk.example",
      ),
    );
    expect(reading.problems).toEqual([]);
    expect(decodeURI(reading.hrefs[0])).toBe("https://desk.example/incidents/INC-1#entry-2) <img src=x onerror=alert(1)>");
  });

  it("keeps autolinks as text", () => {
    const value = "<javascript:alert(1)> <vbscript:x> <https://a.example> <ops@example.com> https://b.example/x";
    const reading = read(docToMarkdown(doc(paragraph(text(value)))));
    expect(reading.problems).toEqual([]);
    expect(reading.hrefs).toEqual([]);
    expect(visibleText(reading.html)).toBe(value);
  });
});

describe("the payload document through the API's sanitizer and the export", () => {
  it("reads as its text with only the safe links, whatever renderer opens it", () => {
    const md = docToMarkdown(sanitizeDoc(payloadDoc("label")), "https://desk.example");
    const reading = read(md);
    expect(reading.problems).toEqual([]);
    const shown = visibleText(reading.html);
    for (const payload of XSS_PAYLOADS) expect(shown).toContain(sameLines(payload));
    expect(reading.hrefs.map((h) => decodeURI(h))).toEqual(
      [...LINK_HREFS.safe, ...LINK_HREFS.breaking].map((h) => h.replace(/[\t\n\r]/g, "").trim()),
    );
  });
});

describe("the post-mortem export with payloads in every field people write", () => {
  const START = Date.UTC(2026, 10, 5, 14, 52);
  const at = (minutes: number) => new Date(START + minutes * 60_000);
  const value = (i: number) => EVERY_TEXT[i % EVERY_TEXT.length];
  const facts = {
    milestones: { startedAt: at(0), detectedAt: at(3), acknowledgedAt: at(5), mitigatedAt: at(60), resolvedAt: at(90) },
    impacts: EVERY_TEXT.slice(0, 6).map((name, i) => ({
      componentId: `c${i}`,
      component: name,
      impact: "major_outage" as const,
      startedAt: at(1),
      endedAt: at(50),
    })),
    regions: EVERY_TEXT.slice(6, 12),
    updates: EVERY_TEXT.slice(0, 8).map((body, i) => ({
      id: `u${i}`,
      status: "investigating",
      body,
      publishedAt: at(10 + i),
      nextUpdateAt: null,
    })),
  };
  const report: PostmortemToExport = {
    postmortem: {
      title: `INC-9: ${value(0)}`,
      state: "in_review",
      author: { name: value(1) },
      contributors: [{ name: value(1) }, { name: value(4) }],
      approvedBy: { name: value(2) },
      createdAt: at(200).toISOString(),
      approvedAt: null,
      publishedAt: null,
      incident: { ref: "INC-9", title: value(3), severity: "SEV2", startedAt: at(0).toISOString() },
      sections: SECTIONS.map((s, i) => ({
        key: s.key,
        title: `${s.title} ${value(i)}`,
        source: s.source,
        doc: sanitizeDoc(payloadDoc(`section ${s.key}`)),
      })),
      actionItems: EVERY_TEXT.map((title, i) => ({
        title,
        kind: "prevent",
        priority: "high",
        state: "open",
        owner: { name: value(i + 1) },
        dueAt: at(3000).toISOString(),
        trackerUrl: [...LINK_HREFS.safe, ...LINK_HREFS.breaking, ...LINK_HREFS.dangerous][i % 16] ?? null,
      })),
    },
    numbers: headlineNumbers(facts, at(5000)),
    moments: keyMoments(facts, at(5000)),
    now: at(5000).toISOString(),
  };

  it("has no raw HTML, no unsafe element, attribute or link, and every payload as text", () => {
    const md = postmortemMarkdown(report, { origin: "https://desk.example", timeZone: "America/Los_Angeles" });
    const reading = read(md);
    expect(reading.problems).toEqual([]);
    // People's words are flattened to one line in titles, names and table cells.
    const shown = visibleText(reading.html).replace(/\s+/g, " ");
    for (const payload of EVERY_TEXT) expect(shown).toContain(payload.replace(/\s+/g, " ").trim());
  });

  it("keeps the title one heading, each action item one row, and tracker links only to safe addresses", () => {
    const reading = read(postmortemMarkdown(report, { origin: "https://desk.example", timeZone: "UTC" }));
    expect(reading.html.match(/<h1>/g)).toHaveLength(1);
    expect(reading.html.match(/<h1>([\s\S]*?)<\/h1>/)![1]).toBe(
      reader.utils.escapeHtml(report.postmortem.title.replace(/\s+/g, " ").trim()),
    );
    const tables = reading.html.split("<table>").slice(1);
    const actionTable = tables[tables.length - 1];
    expect(actionTable.match(/<tr>/g)).toHaveLength(EVERY_TEXT.length + 1);
    expect(actionTable.match(/<td>/g)).toHaveLength(EVERY_TEXT.length * 7);
    const trackers = actionTable.match(/<a href="[^"]*"/g) ?? [];
    expect(trackers.length).toBeGreaterThan(0);
    expect(reading.html.match(/<h2>/g)).toHaveLength(3 + SECTIONS.length);
  });
});
