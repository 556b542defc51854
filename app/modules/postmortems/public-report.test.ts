// The public root-cause report drafted from a post-mortem: it answers the five questions a
// customer asks, with the numbers from the incident, and waits for a written root cause.
import { describe, expect, it } from "vitest";
import { markdownToDoc } from "./document.ts";
import { renderPublicReport, reportRefusal, type ReportInput } from "./public-report.ts";
import { sampleSource } from "./sample-source.ts";

const rootCause = markdownToDoc(
  "A routing change capped requests per cluster instead of per replica.\n\n### Hypotheses recorded during the incident\n- Bad model build ([5 Nov](/incidents/INC-42#entry-2))",
);

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    source: sampleSource(),
    sections: { summary: markdownToDoc("Chat and the API failed for most customers for four hours."), root_cause: rootCause },
    commitments: [
      { title: "Canary router config changes at 25% for an hour", dueAt: new Date(Date.UTC(2026, 11, 15)) },
      { title: "Break-glass rollback drill every quarter", dueAt: null },
    ],
    ...overrides,
  };
}

describe("the public root-cause report", () => {
  it("says what happened, who was affected for how long, why, what was done and what will be done", () => {
    const text = renderPublicReport(input());
    expect(text).toContain("## What happened\nChat and the API failed for most customers for four hours.");
    // sample: started 14:52, resolved 338 minutes later; web app degraded from minute 2 to 262, API major from 14 to 196
    expect(text).toContain(
      "Between 14:54 and 19:14 UTC on 5 Nov (4 hours 20 minutes), " +
        "customers using Web app and API - Messages in US East and EU West were affected. " +
        "Web app had degraded performance for 4 hours 20 minutes. API - Messages had a major outage for about 3 hours.",
    );
    expect(text).toContain("## Why it happened\nA routing change capped requests per cluster instead of per replica.");
    expect(text).not.toContain("Bad model build");
    expect(text).toContain(
      "We noticed the problem 3 minutes after it began, limited the impact after about 4 hours 20 minutes, " +
        "and resolved it after about 5 hours 40 minutes.",
    );
    expect(text).toContain("- Canary router config changes at 25% for an hour (by December 2026)");
    expect(text).toContain("- Break-glass rollback drill every quarter");
    expect(text).not.toMatch(/\/incidents\//);
  });

  it("is rich text with a heading per question, and keeps what the writers formatted: lists, emphasis, public links", () => {
    const written = markdownToDoc(
      [
        "The **router** capped requests per _cluster_.",
        "",
        "1. A limit was set per replica\n2. It was applied per cluster",
        "",
        "- Details in [our engineering blog](https://northwind.test/blog/routing)\n- Traced in [our runbook](/action-items)",
        "",
        "### Hypotheses recorded during the incident\n- Bad model build ([5 Nov](/incidents/INC-42#entry-2))",
      ].join("\n"),
    );
    const text = renderPublicReport(input({ sections: { summary: markdownToDoc("Chat failed."), root_cause: written } }));
    expect(text.match(/^## .+$/gm)).toEqual([
      "## What happened",
      "## Who was affected, and for how long",
      "## Why it happened",
      "## What we did",
      "## What we will do",
    ]);
    expect(text).toContain(
      "The **router** capped requests per _cluster_.\n\n1. A limit was set per replica\n2. It was applied per cluster\n\n" +
        "- Details in [our engineering blog](https://northwind.test/blog/routing)\n- Traced in our runbook",
    );
    // generated lines that point back into the incident stay in the post-mortem
    expect(text).not.toContain("Bad model build");
    expect(text).not.toContain("/incidents/");
  });

  it("is not drafted before the root cause is written", () => {
    const onlyHypotheses = markdownToDoc(
      "### Hypotheses recorded during the incident\n- Bad model build ([5 Nov](/incidents/INC-42#entry-2))",
    );
    expect(reportRefusal(input({ sections: { root_cause: onlyHypotheses } }))).toMatch(/Write the root cause/);
    expect(reportRefusal(input())).toBeNull();
  });

  it("names each component with its own impacts in order, and leaves out a mitigation never recorded", () => {
    const source = sampleSource();
    source.incident.mitigatedAt = null;
    source.impacts.push({
      componentId: "c1",
      component: "API - Messages",
      impact: "partial_outage",
      startedAt: source.impacts[0].endedAt!,
      endedAt: source.incident.resolvedAt,
    });
    const text = renderPublicReport(input({ source }));
    expect(text).toContain("API - Messages had a major outage for about 3 hours, then a partial outage for about 2 hours 20 minutes.");
    expect(text).toContain("We noticed the problem 3 minutes after it began, and resolved it after about 5 hours 40 minutes.");
  });

  it("writes a period that crosses midnight with both dates, and 'some of our customers' when no component was recorded", () => {
    const source = sampleSource();
    source.incident.startedAt = new Date(Date.UTC(2026, 10, 5, 23, 10));
    source.incident.detectedAt = source.incident.startedAt;
    source.incident.resolvedAt = new Date(Date.UTC(2026, 10, 6, 0, 40));
    source.impacts = [];
    source.regions = [];
    const text = renderPublicReport(input({ source }));
    expect(text).toContain("Between 5 Nov 23:10 UTC and 6 Nov 00:40 UTC (1 hour 30 minutes), some of our customers were affected.\n");
    expect(text).toContain("We noticed the problem less than a minute after it began");
  });

  it("promises to add commitments when there are none yet", () => {
    expect(renderPublicReport(input({ commitments: [] }))).toContain("We are reviewing what we will change");
  });
});
