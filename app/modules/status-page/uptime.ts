// The 90-day uptime bars under each component and the percentage beside them. Days are the
// page's calendar days, so a DST change gives a 23- or 25-hour day, as readers there live it. Pure.
import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";
import { worstStatus } from "~/modules/status-page/indicator.ts";
import {
  COMPONENT_STATUSES,
  type ComponentStatusName,
  type IncidentImpact,
  type PublicPage,
  type StatusInterval,
  type UptimeWeights,
} from "~/modules/status-page/model.ts";

export type UptimeDay = {
  /** yyyy-MM-dd in the page's time zone */
  date: string;
  /** null: no data, the component did not exist yet (before createdAt) or the day is in the future */
  worst: ComponentStatusName | null;
  /** minutes spent in each status; fractional where a change fell mid-minute */
  minutes: Record<ComponentStatusName, number>;
  incidents: { id: string; name: string; impact: IncidentImpact }[];
};

export const DEFAULT_UPTIME_WEIGHTS: UptimeWeights = { partialOutage: 0.3, degradedPerformance: 0 };

const MINUTE = 60_000;

function noMinutes(): Record<ComponentStatusName, number> {
  return Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, 0])) as Record<ComponentStatusName, number>;
}

/** Minutes per status in [from, to); a group is at each instant as bad as its worst member, uncovered time is operational. */
function minutesByStatus(intervals: StatusInterval[], from: number, to: number, now: number): Record<ComponentStatusName, number> {
  const minutes = noMinutes();
  // Most days of most components have nothing on them: all operational, without the cutting below.
  if (intervals.length === 0) {
    minutes.operational = (to - from) / MINUTE;
    return minutes;
  }
  const spans = intervals
    .map((i) => ({ status: i.status, from: Math.max(i.from.getTime(), from), to: Math.min(i.to?.getTime() ?? now, to) }))
    .filter((s) => s.from < s.to);
  const cuts = [...new Set([from, to, ...spans.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [start, end] = [cuts[k], cuts[k + 1]];
    const status = worstStatus(spans.filter((s) => s.from <= start && s.to >= end).map((s) => s.status));
    minutes[status] += (end - start) / MINUTE;
  }
  return minutes;
}

/** The page's last `days` calendar days: their starts and the end of today, and their names. */
type DayBoundaries = { starts: number[]; dates: string[] };

/** Kept for the last few pages: naming a day in a zone costs more than everything else a day needs. */
const boundaryCache = new Map<string, DayBoundaries>();

function dayBoundaries(now: number, timeZone: string, days: number): DayBoundaries {
  const today = startOfDay(new TZDate(now, timeZone));
  const key = `${timeZone}|${today.getTime()}|${days}`;
  const cached = boundaryCache.get(key);
  if (cached) return cached;
  const starts: number[] = [];
  for (let back = days - 1; back >= -1; back--) starts.push(addDays(today, -back).getTime());
  const dates = starts.slice(0, days).map((start) => format(new TZDate(start, timeZone), "yyyy-MM-dd"));
  if (boundaryCache.size > 20) boundaryCache.clear();
  boundaryCache.set(key, { starts, dates });
  return { starts, dates };
}

/** The first day index whose end is after `at` (0 when before the first day; `days` when after the last). */
function dayAfter(boundaries: number[], at: number): number {
  let [low, high] = [0, boundaries.length - 1];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boundaries[mid + 1] > at) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function uptimeDays(page: PublicPage, componentId: string, days = 90): UptimeDay[] {
  const component = page.components.find((c) => c.id === componentId);
  if (!component) throw new Error(`No component ${componentId} on this status page`);
  const covered = new Set(component.isGroup ? component.memberIds : [component.id]);
  const now = page.generatedAt.getTime();
  const existsFrom = component.createdAt.getTime();
  const { starts: boundaries, dates } = dayBoundaries(now, page.page.timeZone, days);

  // Each interval and incident is put in the days it touches, once, instead of every day
  // looking through all of them (the insights page passes years of impact windows).
  const intervalsByDay: StatusInterval[][] = Array.from({ length: days }, () => []);
  for (const interval of page.history) {
    if (!covered.has(interval.componentId)) continue;
    const [from, to] = [interval.from.getTime(), interval.to?.getTime() ?? now];
    for (let d = dayAfter(boundaries, from); d < days && boundaries[d] < to; d++) intervalsByDay[d].push(interval);
  }
  const incidentsByDay: UptimeDay["incidents"][] = Array.from({ length: days }, () => []);
  for (const i of page.incidents) {
    if (i.kind !== "incident" || !i.componentIds.some((id) => id === component.id || covered.has(id))) continue;
    const [began, ended] = [i.startedAt.getTime(), i.resolvedAt?.getTime() ?? now];
    // An incident opened and closed in the same instant still belongs to the day it happened.
    for (
      let d = dayAfter(boundaries, began);
      d < days && boundaries[d + 1] > began && (ended > boundaries[d] || began >= boundaries[d]);
      d++
    ) {
      incidentsByDay[d].push({ id: i.id, name: i.name, impact: i.impact });
    }
  }

  const result: UptimeDay[] = [];
  for (let d = 0; d < days; d++) {
    const [start, end] = [boundaries[d], boundaries[d + 1]];
    const [from, to] = [Math.max(start, existsFrom), Math.min(end, now)];
    const minutes = from < to ? minutesByStatus(intervalsByDay[d], from, to, now) : noMinutes();
    const seen = COMPONENT_STATUSES.filter((s) => minutes[s] > 0);
    result.push({
      date: dates[d],
      worst: seen.length > 0 ? worstStatus(seen) : null,
      minutes,
      incidents: incidentsByDay[d],
    });
  }
  return result;
}

/** 100 × (1 − downtime / observed) over the days with data; maintenance is never downtime. */
export function uptimePercent(days: UptimeDay[], weights: UptimeWeights): number | null {
  let observed = 0;
  let downtime = 0;
  for (const day of days) {
    if (day.worst === null) continue;
    const m = day.minutes;
    observed += COMPONENT_STATUSES.reduce((sum, s) => sum + m[s], 0);
    downtime += m.major_outage + weights.partialOutage * m.partial_outage + weights.degradedPerformance * m.degraded_performance;
  }
  return observed > 0 ? 100 * (1 - downtime / observed) : null;
}

/** "99.98%": two decimals, and never "100.00%" for a component that was down at all. */
export function formatUptime(percent: number | null): string {
  if (percent === null) return "No data";
  const shown = percent < 100 ? Math.min(percent, 99.99) : percent;
  return `${shown.toFixed(2)}%`;
}
