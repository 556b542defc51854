// The headline numbers and key moments of a post-mortem, as leadership reads them: worked out
// live from the incident's milestones, impact windows and published updates, so a corrected
// milestone shows at once. The page and the Markdown export both read these. Pure: no I/O.
import { MILESTONE_LABELS, MILESTONES, type ComponentImpactName, type MilestoneName } from "~/modules/incidents/lifecycle.ts";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { promiseRecord, type PromiseOutcome } from "~/modules/updates/rules.ts";
import { formatDuration, inUtc } from "~/utils/time.ts";
import { incidentNumbers, type ImpactByLevel, type ImpactWindow, type Milestones, type TimeTo } from "./metrics.ts";

export type PublishedUpdate = { id: string; status: string; body: string; publishedAt: Date; nextUpdateAt: Date | null };

/** What the numbers are computed from (leadership.server.ts loads it). */
export type IncidentFacts = {
  milestones: Milestones;
  impacts: ImpactWindow[];
  regions: string[];
  /** published updates, any order */
  updates: PublishedUpdate[];
};

export type HeadlineNumbers = {
  /** start to resolution in ms; null while the incident is open again */
  duration: number | null;
  customerFacing: { total: number; byLevel: ImpactByLevel };
  timeTo: TimeTo;
  components: { name: string; worst: ComponentImpactName }[];
  regions: string[];
  updates: { published: number } & Record<PromiseOutcome | "promised", number>;
};

export function headlineNumbers(facts: IncidentFacts, now: Date): HeadlineNumbers {
  const n = incidentNumbers(facts.milestones, facts.impacts, now);
  const promises = promiseRecord(facts.updates, now);
  const count = (outcome: PromiseOutcome) => promises.filter((p) => p.outcome === outcome).length;
  return {
    duration: n.duration,
    customerFacing: n.customerFacing,
    timeTo: n.timeTo,
    components: n.components.map((c) => ({ name: c.component, worst: c.worst })),
    regions: facts.regions,
    updates: {
      published: facts.updates.length,
      promised: promises.length,
      kept: count("kept"),
      missed: count("missed"),
      pending: count("pending"),
    },
  };
}

export type KeyMoment = {
  /** ISO instant */
  at: string;
  kind: "milestone" | "update";
  label: string;
  detail: string;
};

const MILESTONE_DETAILS: Record<MilestoneName, string> = {
  startedAt: "Customer impact began.",
  detectedAt: "We noticed the problem.",
  acknowledgedAt: "A responder acknowledged and took command.",
  mitigatedAt: "Customer impact mitigated.",
  resolvedAt: "Incident resolved.",
};

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** "Next update promised by 15:22 UTC: kept." in words, so no colour is needed to read it. */
function promiseText(outcome: PromiseOutcome, promisedAt: Date, keptAt: Date | null): string {
  const by = `Next update promised by ${inUtc(promisedAt, "HH:mm")}`;
  if (outcome === "kept") return `${by}: kept.`;
  if (outcome === "pending") return `${by}.`;
  return keptAt ? `${by}: missed, it came ${formatDuration(keptAt.getTime() - promisedAt.getTime())} late.` : `${by}: missed.`;
}

/** The milestones reached and each customer update, in time order. */
export function keyMoments(facts: IncidentFacts, now: Date): KeyMoment[] {
  const moments: (KeyMoment & { time: number; order: number })[] = [];
  MILESTONES.forEach((name, order) => {
    const at = facts.milestones[name];
    if (at)
      moments.push({
        at: at.toISOString(),
        kind: "milestone",
        label: MILESTONE_LABELS[name],
        detail: MILESTONE_DETAILS[name],
        time: at.getTime(),
        order,
      });
  });
  const promises = new Map(promiseRecord(facts.updates, now).map((p) => [p.updateId, p]));
  for (const u of facts.updates) {
    const status = EVENT_STATUS_LABELS[u.status as keyof typeof EVENT_STATUS_LABELS] ?? u.status;
    const promise = promises.get(u.id);
    const detail = [`${status}: ${oneLine(u.body, 160)}`, promise ? promiseText(promise.outcome, promise.promisedAt, promise.keptAt) : ""]
      .filter(Boolean)
      .join(" ");
    moments.push({
      at: u.publishedAt.toISOString(),
      kind: "update",
      label: "Customer update",
      detail,
      time: u.publishedAt.getTime(),
      order: MILESTONES.length,
    });
  }
  return moments.sort((a, b) => a.time - b.time || a.order - b.order).map(({ time: _time, order: _order, ...m }) => m);
}

/** "3h 02m", or words where a milestone was never reached. */
export function durationText(ms: number | null, missing = "not reached"): string {
  return ms === null ? missing : formatDuration(ms);
}
