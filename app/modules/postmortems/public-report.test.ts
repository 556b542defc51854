// The public root-cause report drafted from a post-mortem: it answers the five questions a
// customer asks, with the numbers from the incident, and waits for a written root cause.
import { describe, expect, it } from "vitest";
import { markdownToDoc } from "./document.ts";
import { renderPublicReport, reportRefusal, type ReportInput } from "./public-report.ts";
import { sampleSource } from "./sample-source.ts";

const rootCause = markdownToDoc("A routing change capped requests per cluster instead of per replica.\n\n### Hypotheses recorded during the incident\n- Bad model build ([5 Nov](/incidents/INC-42#entry-2))");

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
    expect(text).toContain("What happened\nChat and the API failed for most customers for four hours.");
    // sample: started 14:52, resolved 338 minutes later; API major 182 min, web app degraded before and after
    expect(text).toContain("From 5 Nov 14:52 UTC to 5 Nov 20:30 UTC (5h 38m), customers using Web app and API - Messages in US East and EU West were affected");
    expect(text).toContain("major outage for 3h 02m");
    expect(text).toContain("Why it happened\nA routing change capped requests per cluster instead of per replica.");
    expect(text).not.toContain("Bad model build");
    expect(text).toContain("We noticed the problem 3m 00s after it began, limited the impact after 4h 22m, and resolved it 5h 38m after it began.");
    expect(text).toContain("- Canary router config changes at 25% for an hour (by December 2026)");
    expect(text).toContain("- Break-glass rollback drill every quarter");
    expect(text).not.toMatch(/\/incidents\//);
  });

  it("is not drafted before the root cause is written", () => {
    const onlyHypotheses = markdownToDoc("### Hypotheses recorded during the incident\n- Bad model build ([5 Nov](/incidents/INC-42#entry-2))");
    expect(reportRefusal(input({ sections: { root_cause: onlyHypotheses } }))).toMatch(/Write the root cause/);
    expect(reportRefusal(input())).toBeNull();
  });

  it("promises to add commitments when there are none yet", () => {
    expect(renderPublicReport(input({ commitments: [] }))).toContain("We are reviewing what we will change");
  });
});
