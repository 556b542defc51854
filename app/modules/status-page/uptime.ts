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

export function uptimeDays(page: PublicPage, componentId: string, days = 90): UptimeDay[] {
  const component = page.components.find((c) => c.id === componentId);
  if (!component) throw new Error(`No component ${componentId} on this status page`);
  const covered = new Set(component.isGroup ? component.memberIds : [component.id]);
  const intervals = page.history.filter((i) => covered.has(i.componentId));
  const incidents = page.incidents.filter((i) => i.kind === "incident" && i.componentIds.some((id) => id === component.id || covered.has(id)));
  const now = page.generatedAt.getTime();
  const existsFrom = component.createdAt.getTime();
  const today = startOfDay(new TZDate(now, page.page.timeZone));

  const result: UptimeDay[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const dayStart = addDays(today, -back);
    const [start, end] = [dayStart.getTime(), addDays(dayStart, 1).getTime()];
    const [from, to] = [Math.max(start, existsFrom), Math.min(end, now)];
    const minutes = from < to ? minutesByStatus(intervals, from, to, now) : noMinutes();
    const seen = COMPONENT_STATUSES.filter((s) => minutes[s] > 0);
    result.push({
      date: format(dayStart, "yyyy-MM-dd"),
      worst: seen.length > 0 ? worstStatus(seen) : null,
      minutes,
      incidents: incidents
        .filter((i) => {
          const [began, ended] = [i.startedAt.getTime(), i.resolvedAt?.getTime() ?? now];
          // An incident opened and closed in the same instant still belongs to the day it happened.
          return began < end && (ended > start || began >= start);
        })
        .map((i) => ({ id: i.id, name: i.name, impact: i.impact })),
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
