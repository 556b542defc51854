// The uptime bars of one component as a few runs of days instead of one element per day: quiet
// days side by side become one stretch, and every day with something on it (downtime,
// maintenance, an incident) stays a stretch of its own with its own words. The page draws each
// stretch as one patterned rectangle (decision 0035), so 17 components cost ~100 elements, not
// 1,530. Pure.
import { format } from "date-fns";
import { COMPONENT_STATUS_LABELS, type ComponentStatusName } from "~/modules/status-page/model.ts";
import type { UptimeDay } from "~/modules/status-page/uptime.ts";

export type UptimeRun = {
  /** index of the first day (0 = the oldest shown) */
  start: number;
  length: number;
  /** the colour: the days' worst state; null = no data */
  worst: ComponentStatusName | null;
  /** what a reader is told about these days, in one sentence */
  text: string;
  /** a day worth its own words: downtime, maintenance or an incident */
  notable: boolean;
};

/** "45 min", "2 h 5 min", "< 1 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return "< 1 min";
  const rounded = Math.round(minutes);
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "Nov 23, 2026" from the page-zone date "2026-11-23" (no zone arithmetic: it already is the day). */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return format(new Date(y, m - 1, d), "MMM d, yyyy");
}

const WORST_FIRST: ComponentStatusName[] = ["major_outage", "partial_outage", "degraded_performance", "under_maintenance"];

/** The states other than operational a day saw, worst first, with their minutes. */
export function troubleOf(day: UptimeDay): { status: ComponentStatusName; label: string; minutes: number }[] {
  return WORST_FIRST.filter((s) => day.minutes[s] > 0).map((s) => ({
    status: s,
    label: COMPONENT_STATUS_LABELS[s],
    minutes: day.minutes[s],
  }));
}

function isNotable(day: UptimeDay): boolean {
  return (day.worst !== null && day.worst !== "operational") || day.incidents.length > 0;
}

/** "Nov 23, 2026: Partial outage 45 min, Degraded performance 2 h. Related: Elevated errors on the API." */
export function dayText(day: UptimeDay): string {
  const trouble = troubleOf(day);
  const what =
    day.worst === null
      ? "No data"
      : trouble.length === 0
        ? "No downtime recorded"
        : trouble.map((t) => `${t.label} ${formatMinutes(t.minutes)}`).join(", ");
  const related = day.incidents.length ? ` Related: ${day.incidents.map((i) => i.name).join("; ")}.` : "";
  return `${dayLabel(day.date)}: ${what}.${related}`;
}

function quietText(first: UptimeDay, last: UptimeDay): string {
  const span = first === last ? dayLabel(first.date) : `${dayLabel(first.date)} – ${dayLabel(last.date)}`;
  return `${span}: ${first.worst === null ? "No data" : "No downtime recorded"}.`;
}

/** The days in order as runs: quiet days of one colour merged, each notable day alone. */
export function uptimeRuns(days: UptimeDay[]): UptimeRun[] {
  const runs: UptimeRun[] = [];
  let i = 0;
  while (i < days.length) {
    const day = days[i];
    if (isNotable(day)) {
      runs.push({ start: i, length: 1, worst: day.worst ?? "operational", text: dayText(day), notable: true });
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < days.length && !isNotable(days[end + 1]) && days[end + 1].worst === day.worst) end += 1;
    runs.push({ start: i, length: end - i + 1, worst: day.worst, text: quietText(day, days[end]), notable: false });
    i = end + 1;
  }
  return runs;
}

/** The text alternative of the bars: the uptime, then every notable day, then the rest in one clause. */
export function uptimeSummary(name: string, days: UptimeDay[], uptime: string): string {
  const notable = uptimeRuns(days).filter((r) => r.notable);
  const head = `${name}, last ${days.length === 1 ? "day" : `${days.length} days`}: ${uptime} uptime.`;
  if (notable.length === 0) return `${head} No downtime recorded.`;
  return `${head} ${notable.map((r) => r.text).join(" ")} Other days: no downtime recorded.`;
}
