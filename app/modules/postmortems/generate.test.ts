// Generation on the demo outage ("Chat and API unavailable worldwide"): every section is
// there, and the numbers match what this test works out on its own, minute by minute.
import { describe, expect, it } from "vitest";
import { componentGroups, incidents, standaloneComponents, users } from "~/modules/demo/story.ts";
import { publicUpdates } from "~/modules/demo/public-story.ts";
import { blocksOf, docText, writtenText, type PmDoc } from "./document.ts";
import { generateSections } from "./generate.ts";
import { SECTION_KEYS } from "./sections.ts";
import type { PostmortemSource } from "./source.ts";

const outage = incidents.find((i) => i.title === "Chat and API unavailable worldwide")!;
const START = new Date("2026-11-05T14:52:00Z");
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const names = new Map([...componentGroups.flatMap((g) => g.members), ...standaloneComponents].map((c) => [c.key, c.name]));
const person = (key: string | null) => users.find((u) => u.key === key)?.name ?? null;
const updates = publicUpdates[outage.title];

const source: PostmortemSource = {
  incident: {
    id: "i1",
    ref: "INC-3",
    title: outage.title,
    summary: outage.summary,
    severity: outage.severity,
    startedAt: START,
    detectedAt: at(outage.detectedAfterMin),
    acknowledgedAt: at(outage.acknowledgedAfterMin),
    mitigatedAt: at(outage.mitigatedAfterMin!),
    resolvedAt: at(outage.resolvedAfterMin!),
    commander: person(outage.commander),
    commsLead: person(outage.commsLead),
    scribe: person(outage.scribe),
  },
  regions: ["US East", "EU West", "Asia Pacific Southeast"],
  impacts: outage.components.map((c) => ({
    componentId: c.key,
    component: names.get(c.key)!,
    impact: c.impact,
    startedAt: at(c.fromMin),
    endedAt: at(c.toMin!),
  })),
  entries: outage.timeline.map((e, i) => ({
    seq: i + 1,
    kind: e.kind,
    text: e.text,
    occurredAt: at(e.minutes),
    pinned: e.pinned ?? false,
    author: person(e.author),
  })),
  updates: updates.map((u, i) => ({
    id: `u${i + 1}`,
    status: u.status,
    body: u.body,
    publishedAt: at(u.afterMin),
    nextUpdateAt: u.nextInMin ? at(u.afterMin + u.nextInMin) : null,
  })),
};

const generated = generateSections(source, { zone: "America/Los_Angeles", now: at(2000) });
const section = (key: string): PmDoc => generated.find((s) => s.key === key)!.doc;
const text = (key: string) => docText(section(key));

/** "5h 38m" for minutes, as the app writes durations. */
function hm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m 00s`;
}

describe("a generated post-mortem of the demo outage", () => {
  it("has every section, in the reference's order", () => {
    expect(generated.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(generated.map((s) => s.title)).toContain("Root cause and trigger");
  });

  it("states time to detect, acknowledge, mitigate and resolve", () => {
    const detect = outage.detectedAfterMin;
    const acknowledge = outage.acknowledgedAfterMin - outage.detectedAfterMin;
    expect(text("detection")).toContain(`Time to detect: ${hm(detect)}`);
    expect(text("detection")).toContain(`Time to acknowledge: ${hm(acknowledge)}`);
    expect(text("response")).toContain(`Time to mitigate: ${hm(outage.mitigatedAfterMin!)}`);
    expect(text("response")).toContain(`Time to resolve: ${hm(outage.resolvedAfterMin!)}`);
    expect(text("impact")).toContain(`Duration: ${hm(outage.resolvedAfterMin!)}`);
  });

  it("splits customer-facing time by the worst impact at each minute", () => {
    const rank = { degraded_performance: 1, partial_outage: 2, major_outage: 3 } as const;
    const minutes = { degraded_performance: 0, partial_outage: 0, major_outage: 0 };
    for (let minute = 0; minute < outage.resolvedAfterMin!; minute += 1) {
      const live = outage.components.filter((c) => c.fromMin <= minute && minute < c.toMin!);
      if (!live.length) continue;
      const worst = live.reduce((a, b) => (rank[b.impact] > rank[a.impact] ? b : a));
      minutes[worst.impact] += 1;
    }
    const total = minutes.major_outage + minutes.partial_outage + minutes.degraded_performance;
    const levels = (["major_outage", "partial_outage", "degraded_performance"] as const)
      .filter((level) => minutes[level] > 0)
      .map((level) => `${hm(minutes[level])} ${level.replace("_", " ")}`);
    expect(text("impact")).toContain(`Customer-facing time: ${hm(total)} (${levels.join(", ")})`);
    for (const key of new Set(outage.components.map((c) => c.key))) expect(text("impact")).toContain(names.get(key)!);
    expect(text("impact")).toContain("US East, EU West, and Asia Pacific Southeast");
  });

  it("builds the timeline from milestones, pinned entries, status changes and published updates, in order, in UTC and the writer's zone", () => {
    const items = blocksOf(section("timeline")).map((b) => b.text);
    const expected = 5 + outage.timeline.filter((e) => e.pinned || e.kind === "status_change").length + updates.length;
    expect(items).toHaveLength(expected);
    expect(items[0]).toMatch(/^5 Nov 14:52 UTC \(06:52 PST\), Started/);
    expect(items.at(-1)).toMatch(/Resolved/);
    expect(items.filter((t) => t.includes("Customer update"))).toHaveLength(updates.length);
  });

  it("places hypotheses in the root cause, decisions and actions in the response, customer impact in the impact", () => {
    const count = (kind: string) => outage.timeline.filter((e) => e.kind === kind).length;
    const listed = (key: string, heading: string) => {
      const blocks = blocksOf(section(key));
      const start = blocks.findIndex((b) => b.text === heading);
      const end = blocks.findIndex((b, i) => i > start && b.node.type === "heading");
      return blocks.slice(start + 1, end === -1 ? undefined : end).length;
    };
    expect(listed("root_cause", "Hypotheses recorded during the incident")).toBe(count("hypothesis"));
    expect(listed("response", "Decisions")).toBe(count("decision"));
    expect(listed("response", "What was done")).toBe(count("action"));
    expect(listed("impact", "Customer impact recorded during the incident")).toBe(count("customer_impact"));
  });

  it("links every generated sentence back to the entry or field it came from", () => {
    for (const key of ["summary", "impact", "timeline", "detection", "response", "communication", "root_cause"]) {
      for (const block of blocksOf(section(key)).filter((b) => b.node.type !== "heading")) {
        expect(JSON.stringify(block.node), `${key}: ${block.text}`).toMatch(
          /"href":"\/incidents\/INC-3(\?entry=\d+#entry-\d+|#field-\w+|\/comms#update-u\d+|\/comms)"/,
        );
      }
    }
    const pinned = outage.timeline.findIndex((e) => e.pinned);
    expect(JSON.stringify(section("timeline"))).toContain(`/incidents/INC-3?entry=${pinned + 1}#entry-${pinned + 1}`);
  });

  it("starts the sections only a person can write with no invented text", () => {
    expect(writtenText(section("root_cause"))).toBe("");
    expect(writtenText(section("contributing_factors"))).toBe("");
    expect(blocksOf(section("lessons"))).toEqual([]);
  });

  it("records each customer update and whether its promised next update was kept", () => {
    let kept = 0;
    let promised = 0;
    updates.forEach((u, i) => {
      if (!u.nextInMin || u.status === "resolved") return;
      promised += 1;
      if (updates[i + 1] && updates[i + 1].afterMin <= u.afterMin + u.nextInMin) kept += 1;
    });
    expect(text("communication")).toContain(`Promised updates kept: ${kept} of ${promised}`);
    expect(text("communication")).toContain(`First public update: ${hm(updates[0].afterMin)} after the start`);
    expect(blocksOf(section("communication")).filter((b) => /Investigating|Identified|Monitoring|Resolved/.test(b.text))).toHaveLength(
      updates.length,
    );
  });
});

describe("a post-mortem of a long incident", () => {
  it("keeps its lists readable: pinned entries first, then the earliest, and says how many more are in the timeline", () => {
    const decisions = Array.from({ length: 60 }, (_, i) => ({
      seq: 100 + i,
      kind: "decision",
      text: `Decision number ${i}`,
      occurredAt: at(10 + i),
      pinned: i === 55 || i === 58,
      author: null,
    }));
    const long = generateSections({ ...source, entries: [...source.entries, ...decisions] }, { zone: "Etc/UTC", now: at(2000) });
    const response = blocksOf(long.find((s) => s.key === "response")!.doc).map((b) => b.text);
    const start = response.indexOf("Decisions");
    const listed = response.slice(start + 1, response.indexOf("What was done"));
    const total = decisions.length + outage.timeline.filter((e) => e.kind === "decision").length;
    expect(listed).toHaveLength(25 + 1);
    expect(listed.at(-1)).toBe(`…and ${total - 25} more decisions in the timeline`);
    expect(listed.some((t) => t.startsWith("Decision number 55"))).toBe(true);
    expect(listed.some((t) => t.startsWith("Decision number 58"))).toBe(true);
    expect(listed.some((t) => t.startsWith("Decision number 40"))).toBe(false);
  });
});
