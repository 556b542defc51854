// The Markdown export reads like the leadership page: header, numbers worked out from the
// incident's data, key moments in UTC and the reader's zone, every section, action items.
import { describe, expect, it } from "vitest";
import { markdownToDoc } from "./document.ts";
import { headlineNumbers, keyMoments, type IncidentFacts } from "./headline.ts";
import { markdownFileName, postmortemMarkdown, type PostmortemToExport } from "./markdown.ts";
import { SECTIONS } from "./sections.ts";

const START = Date.UTC(2026, 10, 5, 14, 52);
const at = (minutes: number) => new Date(START + minutes * 60_000);
const NOW = at(60 * 24 * 30);

const facts: IncidentFacts = {
  milestones: { startedAt: at(0), detectedAt: at(3), acknowledgedAt: at(5), mitigatedAt: at(262), resolvedAt: at(338) },
  impacts: [
    { componentId: "c1", component: "Messages API", impact: "major_outage", startedAt: at(14), endedAt: at(196) },
    { componentId: "c2", component: "Web app", impact: "degraded_performance", startedAt: at(2), endedAt: at(262) },
  ],
  regions: ["US East", "EU West"],
  updates: [
    { id: "u1", status: "investigating", body: "We are investigating errors.", publishedAt: at(9), nextUpdateAt: at(39) },
    { id: "u2", status: "identified", body: "Found it | rolling back.", publishedAt: at(45), nextUpdateAt: at(75) },
    { id: "u3", status: "resolved", body: "Resolved.", publishedAt: at(340), nextUpdateAt: null },
  ],
};

function report(overrides: Partial<PostmortemToExport["postmortem"]> = {}): PostmortemToExport {
  const written = new Set(["root_cause", "lessons"]);
  return {
    postmortem: {
      title: "INC-42: Chat and API unavailable worldwide",
      state: "draft",
      author: { name: "Dana Kim" },
      contributors: [{ name: "Sofia Marquez" }, { name: "Dana Kim" }, { name: "Elena Petrova" }],
      approvedBy: { name: "Marcus Okafor" },
      createdAt: at(2000).toISOString(),
      approvedAt: null,
      publishedAt: null,
      incident: { ref: "INC-42", title: "Chat and API unavailable worldwide", severity: "SEV1", startedAt: at(0).toISOString() },
      sections: SECTIONS.map((s) => ({
        key: s.key,
        title: s.title,
        source: s.source,
        doc:
          s.key === "lessons"
            ? markdownToDoc("### What went well\n\n### What went wrong")
            : written.has(s.key)
              ? markdownToDoc("")
              : markdownToDoc(`Text of ${s.title}, [see entry](/incidents/INC-42#entry-3).`),
      })),
      actionItems: [
        {
          title: "Cap router | pool changes",
          kind: "prevent",
          priority: "high",
          state: "open",
          owner: { name: "Sofia Marquez" },
          dueAt: at(60 * 24 * 27).toISOString(),
          trackerUrl: "https://tracker.example/OPS-12",
        },
        {
          title: "Runbook for break-glass",
          kind: "process",
          priority: "medium",
          state: "done",
          owner: null,
          dueAt: at(60 * 24 * 10).toISOString(),
          trackerUrl: null,
        },
      ],
      ...overrides,
    },
    numbers: headlineNumbers(facts, NOW),
    moments: keyMoments(facts, NOW),
    now: NOW.toISOString(),
  };
}

describe("postmortemMarkdown", () => {
  const md = postmortemMarkdown(report(), { origin: "https://desk.example", timeZone: "America/Los_Angeles" });

  it("starts with the title, the incident's reference, state and authors", () => {
    expect(md.startsWith("# INC-42: Chat and API unavailable worldwide\n")).toBe(true);
    expect(md).toContain("- **Incident:** [INC-42](https://desk.example/incidents/INC-42), Chat and API unavailable worldwide");
    expect(md).toContain("- **Severity:** SEV1");
    expect(md).toContain("- **State:** Draft");
    expect(md).toContain("- **Authors:** Dana Kim, Sofia Marquez, and Elena Petrova; approved by Marcus Okafor");
  });

  it("credits everyone who wrote any of its text, not only who generated it, each once", () => {
    const md = (overrides: Partial<PostmortemToExport["postmortem"]>) =>
      postmortemMarkdown(report(overrides), { origin: "", timeZone: "UTC" });
    expect(md({ contributors: [], approvedBy: null })).toContain("- **Authors:** Dana Kim; not approved yet");
    const twice = md({ contributors: [{ name: "Dana Kim" }, { name: "Sofia Marquez" }] });
    expect(twice).toContain("- **Authors:** Dana Kim and Sofia Marquez; approved by Marcus Okafor");
  });

  it("gives the headline numbers worked out from the milestones, impact windows and updates", () => {
    expect(md).toContain("- **Duration:** 5h 38m");
    // Web app degraded 2..262 with the Messages API down 14..196 on top: 182 min major, 78 min degraded.
    expect(md).toContain("- **Customer-facing time:** 4h 20m (3h 02m major outage, 1h 18m degraded performance)");
    expect(md).toContain("- **Time to detect:** 3m 00s");
    expect(md).toContain("- **Time to acknowledge:** 2m 00s");
    expect(md).toContain("- **Time to mitigate:** 4h 22m");
    expect(md).toContain("- **Time to resolve:** 5h 38m");
    expect(md).toContain("- **Components affected (2):** Web app (degraded performance), Messages API (major outage)");
    expect(md).toContain("- **Regions affected (2):** US East, EU West");
    // u1 promised 15:31 and u2 came 15:37: missed; u2 promised 16:07, next came at 20:32: missed.
    expect(md).toContain("- **Customer updates:** 3 published; 0 of 2 promised updates kept (2 missed)");
  });

  it("lists the key moments in UTC with the reader's zone beside it", () => {
    expect(md).toContain("| UTC | America/Los_Angeles | Moment | Detail |");
    expect(md).toContain("| 5 Nov 2026 14:52 UTC | 5 Nov 2026 06:52 | Started | Customer impact began. |");
    expect(md).toContain(
      "| 5 Nov 2026 15:37 UTC | 5 Nov 2026 07:37 | Customer update | Identified: Found it \\| rolling back. Next update promised by 16:07 UTC: missed, it came 4h 25m late. |",
    );
    const order = [
      "| Started |",
      "| Detected |",
      "| Acknowledged |",
      "| Customer update | Investigating",
      "| Mitigated |",
      "| Resolved |",
      "| Customer update | Resolved",
    ];
    const positions = order.map((label) => md.indexOf(label));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("has every section in order, links made absolute, and says which are not written yet", () => {
    const positions = SECTIONS.map((s) => md.indexOf(`\n## ${s.title}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain("Text of Summary, [see entry](https://desk.example/incidents/INC-42#entry-3).");
    expect(md).toContain("## Root cause and trigger\n\n_Not written yet._\n\n## Detection");
    // Lessons holds only its headings: not written, and the empty headings are not repeated.
    expect(md).toContain("## Lessons learned\n\n_Not written yet._\n\n## Customer communication");
  });

  it("leaves out what nobody wrote once the post-mortem is published", () => {
    const published = postmortemMarkdown(report({ state: "published", publishedAt: at(3000).toISOString() }), {
      origin: "https://desk.example",
      timeZone: "UTC",
    });
    expect(published).not.toContain("## Root cause and trigger");
    expect(published).not.toContain("Not written yet");
    expect(published).toContain("## Summary");
    expect(published).toContain("- **State:** Published");
    expect(published).toMatch(/- \*\*Dates:\*\* incident 5 Nov 2026 14:52 UTC; written 7 Nov 2026 UTC; published 7 Nov 2026 UTC/);
    // In UTC there is one time column.
    expect(published).toContain("| UTC | Moment | Detail |");
  });

  it("lists the action items as a table, overdue in words, pipes escaped", () => {
    expect(md).toContain("| Action | Kind | Priority | Owner | Due | State | Tracker |");
    expect(md).toContain(
      "| Cap router \\| pool changes | Prevent | High | Sofia Marquez | 2 Dec 2026 (overdue by 3 days) | Open | <https://tracker.example/OPS-12> |",
    );
    // Done items are never overdue; a missing owner is said.
    expect(md).toContain("| Runbook for break-glass | Process | Medium | no owner | 15 Nov 2026 | Done |   |");
  });

  it("says so when there are no action items", () => {
    expect(postmortemMarkdown(report({ actionItems: [] }), { origin: "", timeZone: "UTC" })).toContain(
      "## Action items\n\nNo action items yet.\n",
    );
  });

  it("names the file after the incident", () => {
    expect(markdownFileName("INC-3")).toBe("INC-3-postmortem.md");
  });
});

describe("the reader's zone beside UTC", () => {
  it("is left out where it showed UTC's time at every moment (London in November)", () => {
    const md = postmortemMarkdown(report(), { origin: "", timeZone: "Europe/London" });
    expect(md).toContain("| UTC | Moment | Detail |");
    expect(md).toContain("| 5 Nov 2026 14:52 UTC | Started | Customer impact began. |");
  });
});
