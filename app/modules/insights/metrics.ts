// How many incidents and how fast they were handled: incidents per ISO week by severity, and
// time to detect / acknowledge / mitigate / resolve per incident and summarised (count, median,
// mean, p90) overall, per severity, per month and for the period before. The four measures are
// the post-mortem's own (postmortems/metrics.ts `timeTo`). Pure.
import { SEVERITIES, type SeverityName } from "~/modules/incidents/lifecycle.ts";
import { timeTo } from "~/modules/postmortems/metrics.ts";
import { groupInto, monthBuckets, weekBuckets } from "./calendar.ts";
import {
  MEASURES,
  type CountFigure,
  type IncidentFacts,
  type Measure,
  type SummaryFigure,
  type TimeToFigures,
  type WeekRow,
} from "./model.ts";
import { summarize, toSeconds } from "./stats.ts";

export type Period = { from: Date; to: Date };

export const startedIn = (incident: Pick<IncidentFacts, "startedAt">, period: Period) =>
  incident.startedAt.getTime() >= period.from.getTime() && incident.startedAt.getTime() < period.to.getTime();

export function countFigure(key: string, incidentIds: Iterable<string>): CountFigure {
  const ids = [...new Set(incidentIds)];
  return { key, count: ids.length, incidentIds: ids };
}

function bySeverity<T>(make: (severity: SeverityName) => T): Record<SeverityName, T> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, make(s)])) as Record<SeverityName, T>;
}

/** How many incidents started in the period, in all and per severity. */
export function incidentCounts(
  incidents: IncidentFacts[],
  key = "incidents",
): CountFigure & { bySeverity: Record<SeverityName, CountFigure> } {
  return {
    ...countFigure(
      key,
      incidents.map((i) => i.id),
    ),
    bySeverity: bySeverity((s) =>
      countFigure(
        `${key}.${s}`,
        incidents.filter((i) => i.severity === s).map((i) => i.id),
      ),
    ),
  };
}

/** Every ISO week overlapping the period, with the incidents that started in it by severity (empty weeks included). */
export function incidentsPerWeek(incidents: IncidentFacts[], period: Period, timeZone: string): WeekRow[] {
  const weeks = weekBuckets(period.from, period.to, timeZone);
  return groupInto(weeks, incidents, (i) => i.startedAt).map((inWeek, index) => {
    const week = weeks.keys[index];
    const counts = incidentCounts(inWeek, `week.${week}`);
    return {
      week,
      weekStart: weeks.weekStarts[index],
      total: counts.count,
      key: counts.key,
      incidentIds: counts.incidentIds,
      bySeverity: counts.bySeverity,
    };
  });
}

const measured = new WeakMap<IncidentFacts, Record<Measure, number | null>>();

/** Seconds from one milestone to the next for one incident; null where a milestone was not reached. */
export function incidentTimeTo(incident: IncidentFacts): Record<Measure, number | null> {
  // Each incident is summarised overall, by severity and by month: work its times out once.
  const known = measured.get(incident);
  if (known) return known;
  const ms = timeTo(incident);
  const seconds = { detect: ms.detect, acknowledge: ms.acknowledge, mitigate: ms.mitigate, resolve: ms.resolve };
  for (const m of MEASURES) seconds[m] = ms[m] === null ? null : toSeconds(ms[m]);
  measured.set(incident, seconds);
  return seconds;
}

/** One measure over a set of incidents: only those that reached its milestone count. */
export function summaryFigure(key: string, values: { incidentId: string; seconds: number | null }[]): SummaryFigure {
  const reached = values.filter((v): v is { incidentId: string; seconds: number } => v.seconds !== null);
  return { key, ...summarize(reached.map((v) => v.seconds)), incidentIds: [...new Set(reached.map((v) => v.incidentId))] };
}

export function timeToFigures(incidents: IncidentFacts[], keySuffix = ""): TimeToFigures {
  const figure = (m: Measure) =>
    summaryFigure(
      `timeTo.${m}${keySuffix}`,
      incidents.map((i) => ({ incidentId: i.id, seconds: incidentTimeTo(i)[m] })),
    );
  return { detect: figure("detect"), acknowledge: figure("acknowledge"), mitigate: figure("mitigate"), resolve: figure("resolve") };
}

/** The four measures overall, per severity, per month of the period (the trend) and for the period before. */
export function timeToInsights(current: IncidentFacts[], previous: IncidentFacts[], period: Period, timeZone: string) {
  const months = monthBuckets(period.from, period.to, timeZone);
  return {
    ...timeToFigures(current),
    bySeverity: bySeverity((s) =>
      timeToFigures(
        current.filter((i) => i.severity === s),
        `.${s}`,
      ),
    ),
    byMonth: groupInto(months, current, (i) => i.startedAt).map((inMonth, index) => ({
      month: months.keys[index],
      ...timeToFigures(inMonth, `.${months.keys[index]}`),
    })),
    previous: timeToFigures(previous, ".previous"),
  };
}
