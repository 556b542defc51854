import { describe, expect, it } from "vitest";
import { articleFor, byCount, durationInWords, impactInWords, listInWords, sentenceCase, withArticle } from "./grammar.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("lists", () => {
  it("joins names with commas and 'and', as Intl.ListFormat writes English", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["API"])).toBe("API");
    expect(listInWords(["API", "Web app"])).toBe("API and Web app");
    expect(listInWords(["API", "Web app", "Batch"])).toBe("API, Web app, and Batch");
  });

  it("leaves out empty names rather than writing 'API and '", () => {
    expect(listInWords(["API", ""])).toBe("API");
  });
});

describe("agreement with a count", () => {
  it("takes the singular for exactly one and the plural for none or several", () => {
    expect(byCount(["API"], "is", "are")).toBe("is");
    expect(byCount(["API", "Web app"], "is", "are")).toBe("are");
    expect(byCount([], "is", "are")).toBe("are");
    expect(byCount(1, "component", "components")).toBe("component");
    expect(byCount(3, "component", "components")).toBe("components");
    expect(byCount("1", "hour", "hours")).toBe("hour");
  });

  it("refuses what cannot be counted, so a template cannot guess from a sentence", () => {
    expect(() => byCount("API and Web app", "is", "are")).toThrowError(/list or a number/);
    expect(() => byCount(null, "is", "are")).toThrowError(/list or a number/);
  });
});

describe("a or an, by the sound of the word", () => {
  it.each([
    ["hour", "an"],
    ["hourly check", "an"],
    ["honest mistake", "an"],
    ["heir", "an"],
    ["unique", "a"],
    ["unit", "a"],
    ["user", "a"],
    ["usual", "a"],
    ["utility", "a"],
    ["unanimous", "a"],
    ["Ukrainian", "a"],
    ["European", "a"],
    ["one-off", "a"],
    ["once-a-year", "a"],
    ["update", "an"],
    ["upgrade", "an"],
    ["unusual", "an"],
    ["unavailable API", "an"],
    ["uninstall", "an"],
    ["unidentified", "an"],
    ["umbrella", "an"],
    ["urgent fix", "an"],
    ["identified", "an"],
    ["investigating", "an"],
    ["outage", "an"],
    ["incident", "an"],
    ["major outage", "a"],
    ["partial outage", "a"],
    ["resolved", "a"],
    ["monitoring", "a"],
    ["API", "an"],
    ["SLA", "an"],
    ["SLO", "an"],
    ["HTTP error", "an"],
    ["MTTR", "an"],
    ["EU region", "an"],
    ["URL", "a"],
    ["US East", "a"],
    ["GPU", "a"],
    ["CDN", "a"],
    ["UI", "a"],
    ["NASA", "a"],
    ["SEV1", "a"],
    ["RAID", "a"],
    ["X-ray", "an"],
    ["F-score", "an"],
    ["iOS app", "an"],
    ["eBay", "an"],
    ["SaaS", "a"],
    ["OAuth", "an"],
    ["8", "an"],
    ["80% error rate", "an"],
    ["11", "an"],
    ["18,000", "an"],
    ["11000", "an"],
    ["110", "a"],
    ["180", "a"],
    ["1", "a"],
    ["100", "a"],
    ["“European” outage", "a"],
  ])("%s takes %s", (word, article) => {
    expect(articleFor(word)).toBe(article);
  });

  it("puts the article before the phrase", () => {
    expect(withArticle("hour")).toBe("an hour");
    expect(withArticle("identified update")).toBe("an identified update");
    expect(withArticle("  ")).toBe("");
  });
});

describe("sentence case", () => {
  it("starts a sentence with a capital", () => {
    expect(sentenceCase("some of our services are operating normally.")).toBe("Some of our services are operating normally.");
    expect(sentenceCase("“quoted” start")).toBe("“Quoted” start");
    expect(sentenceCase("Web app")).toBe("Web app");
  });

  it("leaves names written in mixed case, numbers and empty text alone", () => {
    expect(sentenceCase("iOS app is slow")).toBe("iOS app is slow");
    expect(sentenceCase("eBay checkout")).toBe("eBay checkout");
    expect(sentenceCase("3 services")).toBe("3 services");
    expect(sentenceCase("")).toBe("");
  });

  it("capitalises letters outside ASCII", () => {
    expect(sentenceCase("élan vital")).toBe("Élan vital");
  });
});

describe("durations as people write them", () => {
  it.each([
    [0, "less than a minute"],
    [59_000, "less than a minute"],
    [MINUTE, "a minute"],
    [80_000, "about a minute"],
    [15 * MINUTE + 28_000, "about 15 minutes"],
    [45 * MINUTE, "45 minutes"],
    [59 * MINUTE + 40_000, "about an hour"],
    [HOUR, "an hour"],
    [HOUR + 2 * MINUTE, "about an hour"],
    [HOUR + 30 * MINUTE, "1 hour 30 minutes"],
    [5 * HOUR + 28 * MINUTE, "about 5 hours 30 minutes"],
    [5 * HOUR + 33 * MINUTE + 12_000, "about 5 hours 35 minutes"],
    [2 * HOUR, "2 hours"],
    [9 * HOUR + 58 * MINUTE, "about 10 hours"],
    [13 * HOUR + 20 * MINUTE, "about 13 hours"],
    [30 * HOUR, "30 hours"],
    [50 * HOUR + 10 * MINUTE, "about 2 days 2 hours"],
    [48 * HOUR, "2 days"],
    [-5000, "less than a minute"],
  ])("%d ms reads %s", (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });
});

describe("impact in words", () => {
  it("names each component with its own impact, worst first, from one mapping", () => {
    expect(impactInWords([{ name: "API", impact: "partial_outage" }])).toBe("a partial outage of API");
    expect(
      impactInWords([
        { name: "Web app", impact: "degraded_performance" },
        { name: "API", impact: "partial_outage" },
      ]),
    ).toBe("a partial outage of API and degraded performance of Web app");
  });

  it("names components with the same impact together, keeping the two 'and's apart", () => {
    expect(
      impactInWords([
        { name: "API - Messages", impact: "major_outage" },
        { name: "API - Batch", impact: "major_outage" },
        { name: "Web app", impact: "degraded_performance" },
      ]),
    ).toBe("a major outage of API - Messages and API - Batch, and degraded performance of Web app");
    expect(
      impactInWords([
        { name: "A", impact: "major_outage" },
        { name: "B", impact: "partial_outage" },
        { name: "C", impact: "degraded_performance" },
      ]),
    ).toBe("a major outage of A, a partial outage of B, and degraded performance of C");
  });

  it("is empty when nothing is affected", () => {
    expect(impactInWords([])).toBe("");
  });
});
