import { describe, expect, it } from "vitest";
import { leadingSegments, MATCH_END as E, MATCH_START as S, segmentsOf, snippetText } from "./snippet.ts";

describe("a marked snippet as segments", () => {
  it("splits plain and matched text", () => {
    expect(segmentsOf(`${S}Rollback blocked${E}: stuck in PENDING, the ${S}config${E} service…`)).toEqual([
      { text: "Rollback blocked", match: true },
      { text: ": stuck in PENDING, the ", match: false },
      { text: "config", match: true },
      { text: " service…", match: false },
    ]);
  });

  it("merges adjacent matches and collapses whitespace", () => {
    expect(segmentsOf(`…the ${S}routing${E}${S}${E}\n\n${S}config${E}, then ${S}a${E}  ${S}b${E} ${S}c${E}`)).toEqual([
      { text: "…the ", match: false },
      { text: "routing config", match: true },
      { text: ", then ", match: false },
      { text: "a b c", match: true },
    ]);
  });

  it("keeps matches apart when words stand between them", () => {
    expect(segmentsOf(`${S}router${E} and ${S}config${E}`)).toEqual([
      { text: "router", match: true },
      { text: " and ", match: false },
      { text: "config", match: true },
    ]);
  });

  it("drops stray or unbalanced markers instead of showing them", () => {
    const segments = segmentsOf(`a ${E}b ${S}c`);
    expect(snippetText(segments)).toBe("a b c");
    expect(segments).toEqual([
      { text: "a b ", match: false },
      { text: "c", match: true },
    ]);
  });

  it("keeps HTML as text: the page renders segments, never markup", () => {
    expect(segmentsOf(`<img src=x onerror=alert(1)> ${S}router${E}`)).toEqual([
      { text: "<img src=x onerror=alert(1)> ", match: false },
      { text: "router", match: true },
    ]);
  });

  it("does not highlight a run of spaces, and trims the ends", () => {
    expect(segmentsOf(`  a${S}  ${E}b  `)).toEqual([{ text: "a b", match: false }]);
    expect(segmentsOf("")).toEqual([]);
  });
});

describe("the leading words of a text", () => {
  it("cuts after the given number of words", () => {
    expect(leadingSegments("one two  three four", 2)).toEqual([{ text: "one two …", match: false }]);
    expect(leadingSegments("one two", 2)).toEqual([{ text: "one two", match: false }]);
    expect(leadingSegments("  ")).toEqual([]);
  });
});
