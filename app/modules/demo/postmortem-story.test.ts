// The demo outage's post-mortem and report (postmortem-story.ts) against the incident they tell
// of (story.ts): every duration and clock time people wrote matches the impact windows and
// milestones, the people exist, the review ends with someone other than the author approving,
// and the wording passes the blameless check.
import { describe, expect, it } from "vitest";
import { lintPostmortem } from "~/modules/postmortems/lint.ts";
import { markdownToDoc } from "~/modules/postmortems/document.ts";
import { incidentNumbers, type ImpactWindow } from "~/modules/postmortems/metrics.ts";
import type { SectionKey } from "~/modules/postmortems/sections.ts";
import { incidents, users } from "./story.ts";
import { outagePostmortem as story } from "./postmortem-story.ts";
import { publicUpdates } from "./public-story.ts";

const MINUTE = 60_000;
const outage = incidents.find((i) => i.title === story.incident)!;
const start = Date.UTC(2026, 0, 1, outage.hourUtc, outage.minuteUtc);
const at = (minutes: number) => new Date(start + minutes * MINUTE);
const clock = (minutes: number) => at(minutes).toISOString().slice(11, 16);
/** "3 hours 2 minutes", as the prose writes durations. */
const inWords = (ms: number) => {
  const minutes = Math.round(ms / MINUTE);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return [h ? `${h} ${h === 1 ? "hour" : "hours"}` : "", m ? `${m} ${m === 1 ? "minute" : "minutes"}` : ""].filter(Boolean).join(" ");
};
const windowsOf = (key: string): ImpactWindow[] =>
  outage.components
    .filter((c) => c.key === key)
    .map((c) => ({
      componentId: c.key,
      component: c.key,
      impact: c.impact,
      startedAt: at(c.fromMin),
      endedAt: c.toMin === null ? null : at(c.toMin),
    }));
const all = [...new Set(outage.components.map((c) => c.key))].flatMap(windowsOf);
const numbers = incidentNumbers(
  {
    startedAt: at(0),
    detectedAt: at(outage.detectedAfterMin),
    acknowledgedAt: at(outage.acknowledgedAfterMin),
    mitigatedAt: at(outage.mitigatedAfterMin!),
    resolvedAt: at(outage.resolvedAfterMin!),
  },
  all,
  at(outage.resolvedAfterMin!),
);
const component = (key: string) => numbers.components.find((c) => c.componentId === key)!;
const written = story.written;

describe("the demo outage's post-mortem", () => {
  it("says how long the API, Chat and agent sessions were down as their windows do", () => {
    for (const key of ["api-messages", "web-chat", "agent-sessions"]) {
      const major = component(key).windows.find((w) => w.impact === "major_outage")!;
      expect(written.summary).toContain(
        `for ${inWords(major.endedAt.getTime() - major.startedAt.getTime())} (${clock(14)} to ${clock(196)} UTC)`,
      );
      expect(major.startedAt).toEqual(at(14));
      expect(major.endedAt).toEqual(at(196));
    }
    expect(written.summary).toContain(`From ${clock(0)} to ${clock(outage.mitigatedAfterMin!)} UTC`);
  });

  it("says how long batch jobs were held, and when they caught up, as the Batch windows do", () => {
    const [paused, catchingUp] = component("api-batch").windows;
    const held = inWords(paused.endedAt.getTime() - paused.startedAt.getTime());
    expect(written.summary).toContain(`paused for ${held} and caught up by ${clock(326)} UTC`);
    expect(written.impact).toContain(`held for ${held}`);
    expect(catchingUp.endedAt).toEqual(at(326));
  });

  it("says in the Resolved update what the windows say: about three hours of failures, full service an hour later", () => {
    const resolvedUpdate = publicUpdates[story.incident].find((u) => u.status === "resolved")!;
    const major = component("api-messages").windows.find((w) => w.impact === "major_outage")!;
    expect(Math.round((major.endedAt.getTime() - major.startedAt.getTime()) / (60 * MINUTE))).toBe(3);
    expect(Math.round((outage.mitigatedAfterMin! - 196) / 60)).toBe(1);
    expect(resolvedUpdate.body).toContain("For about three hours most requests");
    expect(resolvedUpdate.body).toContain("full service took another hour");
    expect(resolvedUpdate.body).toContain("a root-cause report will follow here");
  });

  it("gives clock times that are the incident's own moments", () => {
    expect(written.impact).toContain(`recovered last, at ${clock(232)} UTC`);
    expect(written.detection).toContain(`detected the outage ${outage.detectedAfterMin} minutes in`);
    expect(written.detection).toContain(`acknowledged the page ${outage.acknowledgedAfterMin - outage.detectedAfterMin} minutes later`);
    expect(written.response).toContain(`deploy freeze at ${clock(18)}`);
    expect(written.response).toContain(`EU West back at ${clock(131)}`);
    // Promised at 52 (+30), 95 (+60) and 228 (+60): the next update came later each time.
    expect(written.communication).toContain(`(${clock(82)} and ${clock(155)} UTC) and one during the batch catch-up (${clock(288)} UTC)`);
    expect(written.communication).toContain(`went out 9 minutes after the start`);
  });

  it("is written by a responder and approved by another person, after being returned once with a reason", () => {
    const keys = new Set(users.map((u) => u.key));
    expect(keys.has(story.author)).toBe(true);
    expect(story.review.map((r) => r.action)).toEqual(["submitted", "returned", "submitted", "approved", "published"]);
    const approval = story.review.find((r) => r.action === "approved")!;
    expect(approval.by).not.toBe(story.author);
    expect(story.review.find((r) => r.action === "returned")!.note).toMatch(/\w{10,}/);
    expect(story.review.map((r) => r.afterHours)).toEqual([...story.review.map((r) => r.afterHours)].sort((a, b) => a - b));
    // Within the five days a SEV1's post-mortem is due, and the report after it.
    expect(story.review.at(-1)!.afterHours).toBeLessThan(5 * 24);
    expect(story.report.publishedAfterHours).toBeGreaterThan(story.review.at(-1)!.afterHours);
    expect(story.report.approver).not.toBe(story.report.author);
  });

  it("has action items with an owner, a due date after publishing, and a tracker link, of every kind", () => {
    const keys = new Set(users.map((u) => u.key));
    for (const item of story.actionItems) {
      expect(keys.has(item.owner), item.title).toBe(true);
      expect(item.dueInDays * 24, item.title).toBeGreaterThan(story.review.at(-1)!.afterHours);
      expect(item.trackerUrl).toMatch(/^https:\/\//);
    }
    expect(new Set(story.actionItems.map((a) => a.kind))).toEqual(new Set(["mitigate", "prevent", "process"]));
  });

  it("passes the post-mortem checks: no error, no blameful wording", () => {
    const sections = Object.fromEntries(Object.entries(written).map(([key, md]) => [key, markdownToDoc(md)])) as Record<
      SectionKey,
      ReturnType<typeof markdownToDoc>
    >;
    const problems = lintPostmortem({
      sections,
      actionItems: story.actionItems.map((a, i) => ({
        id: String(i),
        title: a.title,
        ownerId: a.owner,
        dueAt: new Date(),
        state: a.state,
      })),
      milestones: { startedAt: at(0), detectedAt: at(3), acknowledgedAt: at(5), mitigatedAt: at(262), resolvedAt: at(338) },
      people: users.map((u) => u.name),
    });
    expect(problems).toEqual([]);
    for (const text of [story.report.whatHappened, story.report.why, ...story.report.commitments])
      expect(text).not.toMatch(/`|r4182|max_inflight/);
  });
});
