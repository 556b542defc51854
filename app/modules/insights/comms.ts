// How customers were kept informed: time from the incident's start to its first published
// update, and the share of promised next updates that came by the promised time (the comms
// tab's own rule, updates/rules.ts `promiseRecord`). Pure.
import { promiseRecord } from "~/modules/updates/rules.ts";
import { groupInto, monthBuckets } from "./calendar.ts";
import type { IncidentFacts, PromiseFigure, SummaryFigure } from "./model.ts";
import { summaryFigure, type Period } from "./metrics.ts";

/** Seconds from the start to the first published update; null when nothing was published. */
export function firstUpdateSeconds(incident: IncidentFacts): number | null {
  if (incident.updates.length === 0) return null;
  const first = Math.min(...incident.updates.map((u) => u.publishedAt.getTime()));
  return Math.max(0, first - incident.startedAt.getTime()) / 1000;
}

export function firstUpdateFigure(incidents: IncidentFacts[], key: string): SummaryFigure {
  return summaryFigure(
    key,
    incidents.map((i) => ({ incidentId: i.id, seconds: firstUpdateSeconds(i) })),
  );
}

type Outcomes = { kept: number; missed: number; pending: number };
const outcomes = new WeakMap<IncidentFacts, { now: number; counts: Outcomes }>();

/** How the incident's promises turned out by `now` (worked out once per incident and moment). */
export function promiseOutcomes(incident: IncidentFacts, now: Date): Outcomes {
  const known = outcomes.get(incident);
  if (known && known.now === now.getTime()) return { ...known.counts };
  const counts = { kept: 0, missed: 0, pending: 0 };
  for (const record of promiseRecord(incident.updates, now)) counts[record.outcome] += 1;
  outcomes.set(incident, { now: now.getTime(), counts });
  return { ...counts };
}

/** Kept share = kept / (kept + missed); a promise whose time is still ahead counts in neither. */
export function promiseFigure(incidents: IncidentFacts[], now: Date, key: string): PromiseFigure {
  const totals = { kept: 0, missed: 0, pending: 0 };
  const incidentIds: string[] = [];
  for (const incident of incidents) {
    const outcome = promiseOutcomes(incident, now);
    if (outcome.kept + outcome.missed + outcome.pending > 0) incidentIds.push(incident.id);
    totals.kept += outcome.kept;
    totals.missed += outcome.missed;
    totals.pending += outcome.pending;
  }
  const decided = totals.kept + totals.missed;
  return { key, promised: decided + totals.pending, ...totals, keptShare: decided > 0 ? totals.kept / decided : null, incidentIds };
}

export function commsInsights(current: IncidentFacts[], previous: IncidentFacts[], period: Period, timeZone: string, now: Date) {
  const months = monthBuckets(period.from, period.to, timeZone);
  return {
    firstUpdate: firstUpdateFigure(current, "comms.firstUpdate"),
    firstUpdateByMonth: groupInto(months, current, (i) => i.startedAt).map((inMonth, index) => ({
      month: months.keys[index],
      ...firstUpdateFigure(inMonth, `comms.firstUpdate.${months.keys[index]}`),
    })),
    previousFirstUpdate: firstUpdateFigure(previous, "comms.firstUpdate.previous"),
    promises: promiseFigure(current, now, "comms.promises"),
    previousPromises: promiseFigure(previous, now, "comms.promises.previous"),
  };
}
