// The checkers are tried on the defects customers were sent, and on their neighbours, so a
// snapshot that passes them has none of these.
import { describe, expect, it } from "vitest";
import {
  blanks,
  claimsNormalBesideImpact,
  impactWordsDifferFromData,
  lowerCaseSentenceStarts,
  stopwatchDurations,
  verbDisagreements,
  wrongArticles,
} from "./wording-checks.ts";

const rules = (defects: { rule: string }[]) => defects.map((d) => d.rule);

describe("lower-case sentence starts", () => {
  it("finds the resolved update that went to every subscriber", () => {
    const text = "This incident has been resolved. some of our services is operating normally.";
    expect(rules(lowerCaseSentenceStarts(text))).toEqual(["sentence starts in lower case"]);
  });

  it("finds a lower-case start at the top, after a question, on a new line and in a list item", () => {
    expect(lowerCaseSentenceStarts("we are investigating.")).toHaveLength(1);
    expect(lowerCaseSentenceStarts("Is it fixed? yes.")).toHaveLength(1);
    expect(lowerCaseSentenceStarts("What happened\nthe database filled up.")).toHaveLength(1);
    expect(lowerCaseSentenceStarts("- **Root cause:** A disk.\n- the disk filled.")).toHaveLength(1);
  });

  it("accepts abbreviations, names in mixed case, addresses and numbers", () => {
    expect(lowerCaseSentenceStarts("Some clients, e.g. the CLI, retried.")).toEqual([]);
    expect(lowerCaseSentenceStarts("It is fixed. iOS app users may restart.")).toEqual([]);
    expect(lowerCaseSentenceStarts("Read it here:\nhttps://status.example.com/x")).toEqual([]);
    expect(lowerCaseSentenceStarts("Resolved. 3 services recovered.")).toEqual([]);
  });
});

describe("a or an", () => {
  it("finds 'a identified update' and its neighbours", () => {
    expect(rules(wrongArticles("Published a identified update."))).toEqual(['"a" before "identified"']);
    expect(wrongArticles("We saw an major outage.")).toHaveLength(1);
    expect(wrongArticles("It was a API error and a hour long.")).toHaveLength(2);
    expect(wrongArticles("An partial outage")).toHaveLength(1);
  });

  it("accepts the right article, also before bold and linked words", () => {
    expect(
      wrongArticles("A fix is in place after an hour: an API, a European region, an SLA, a **unique** case, an [update](/x)."),
    ).toEqual([]);
  });
});

describe("verbs that disagree with their subject", () => {
  const subjects = [
    { text: "some of our services", plural: true },
    { text: "API and Web app", plural: true },
    { text: "Web app", plural: false },
  ];

  it("finds a singular verb after a plural list, and the reverse", () => {
    expect(verbDisagreements("Some of our services is operating normally.", subjects)).toHaveLength(1);
    expect(verbDisagreements("API and Web app remains affected.", subjects)).toHaveLength(1);
    expect(verbDisagreements("API and Web app is still slow.", subjects)).toHaveLength(1);
    expect(verbDisagreements("Web app are recovering.", subjects)).toHaveLength(1);
  });

  it("accepts agreement, and a singular name inside a plural list", () => {
    expect(verbDisagreements("API and Web app are operating normally. Web app is fast.", subjects)).toEqual([]);
    expect(verbDisagreements("Batch, API and Web app are fine.", [{ text: "Web app", plural: false }])).toEqual([]);
  });
});

describe("impact words that differ from the data", () => {
  const data = [
    { name: "API - Messages endpoint", impacts: ["partial_outage" as const] },
    { name: "Web app", impacts: ["degraded_performance" as const] },
  ];

  it("finds a partial outage called a major outage", () => {
    expect(rules(impactWordsDifferFromData("We are investigating a major outage affecting API - Messages endpoint.", data))).toContain(
      'says "major outage", which no component had',
    );
  });

  it("finds the worst impact put on every component of a mixed list", () => {
    const text = "We are investigating a partial outage affecting API - Messages endpoint and Web app since 14:05.";
    expect(rules(impactWordsDifferFromData(text, data))).toEqual(['calls Web app\'s impact "partial outage"']);
  });

  it("accepts each component named with its own impact", () => {
    const text = "We are investigating a partial outage of API - Messages endpoint and degraded performance of Web app.";
    expect(impactWordsDifferFromData(text, data)).toEqual([]);
  });
});

describe("'working normally' beside a degraded component", () => {
  it("finds the monitoring email's contradiction", () => {
    const text = "Monitoring: A fix has been implemented. Web app should be working normally again.";
    expect(claimsNormalBesideImpact(text, [{ name: "Web app", status: "degraded_performance" }])).toHaveLength(1);
  });

  it("accepts the claim once everything listed is operational", () => {
    expect(claimsNormalBesideImpact("Web app is operating normally again.", [{ name: "Web app", status: "operational" }])).toEqual([]);
  });
});

describe("stopwatch durations", () => {
  it("finds '15m 28s' and '2h 05m' in customer text", () => {
    expect(stopwatchDurations("10:15–10:30 (15m 28s) … major outage for 4m 33s, lasted 2h 05m or 3d 4h")).toHaveLength(4);
    expect(stopwatchDurations("It lasted about 5 hours 30 minutes.")).toEqual([]);
  });
});

describe("blanks an empty variable leaves", () => {
  it("finds liquid, doubled spaces, space before a full stop, empty brackets, repeated words and a missing last word", () => {
    expect(rules(blanks("Affected: {{ components_text }}."))).toContain("liquid left in the text");
    expect(rules(blanks("We are investigating  since 14:05."))).toContain("two spaces in a row");
    expect(rules(blanks("Customers in  were affected ."))).toContain("space before punctuation");
    expect(rules(blanks("It lasted ()."))).toContain("empty brackets");
    expect(rules(blanks("the the API"))).toContain("a word written twice");
    expect(rules(blanks("Customers of were affected from."))).toContain("a sentence missing its last word");
    expect(rules(blanks("It lasted undefined minutes."))).toContain("a value written as code");
  });

  it("accepts tidy text, line breaks and a list's dashes", () => {
    expect(blanks("What happened\nA disk filled.\n\n- Add alerts (by May 2026).\nCustomers could not sign in.")).toEqual([]);
  });
});
