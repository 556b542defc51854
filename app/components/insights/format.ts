// How the insights read on the page: durations, percentages, minutes, months and weeks, and
// each headline number's trend in words (so it never rests on colour or an arrow alone). Pure.
import { formatUptime } from "~/modules/status-page/uptime.ts";
import { formatDuration, inZone } from "~/utils/time.ts";

export const NOTHING = "—";

/** "2h 05m" from seconds; a dash when there is nothing to measure. */
export function duration(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? NOTHING : formatDuration(seconds * 1000);
}

export const uptime = (percent: number | null) => formatUptime(percent);

/** "96 min", "1,234 min" */
export function minutes(value: number): string {
  return `${Math.round(value).toLocaleString("en-GB")} min`;
}

export function share(value: number | null): string {
  return value === null ? NOTHING : `${Math.round(value * 100)}%`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-01" → "Jan 2026" */
export function monthLabel(month: string): string {
  const [year, index] = month.split("-").map(Number);
  return `${MONTHS[index - 1]} ${year}`;
}

/** "2026-01-05" → "5 Jan" */
export function dayLabel(day: string): string {
  const [, month, date] = day.split("-").map(Number);
  return `${date} ${MONTHS[month - 1]}`;
}

/** The range as its zone reads it: the last day shown is the one before the exclusive end. */
export function rangeLabel(range: { from: string; to: string; asOf: string; timeZone: string }): string {
  const last = new Date(Date.parse(range.to) - 1);
  return `${inZone(range.from, range.timeZone, "d MMM yyyy")} – ${inZone(last, range.timeZone, "d MMM yyyy")}`;
}

/** A time's trend against the period before: lower is better, and the words say which way it went. */
export function durationTrend(current: number | null, previous: number | null): string {
  if (current === null)
    return previous === null ? "None in this period or the one before" : `None in this period; ${duration(previous)} the period before`;
  if (previous === null) return "Nothing to compare with in the period before";
  if (previous === 0) return current === 0 ? "Same as the period before" : `Up from ${duration(0)} the period before`;
  const change = (current - previous) / previous;
  if (Math.abs(change) < 0.005) return `About the same as the period before (${duration(previous)})`;
  return `${change < 0 ? "Down" : "Up"} ${Math.round(Math.abs(change) * 100)}% from ${duration(previous)} the period before`;
}

export function countTrend(current: number, previous: number): string {
  if (current === previous) return `Same as the period before (${previous})`;
  return `${current < previous ? "Down" : "Up"} ${Math.abs(current - previous)} from ${previous} the period before`;
}

export function shareTrend(current: number | null, previous: number | null): string {
  if (current === null) return "No promised updates fell due in this period";
  if (previous === null) return "Nothing to compare with in the period before";
  const points = Math.round((current - previous) * 100);
  if (points === 0) return `Same as the period before (${share(previous)})`;
  return `${points > 0 ? "Up" : "Down"} ${Math.abs(points)} points from ${share(previous)} the period before`;
}

const H = 3600;
const ROUND_DURATIONS = [60, 5 * 60, 15 * 60, 30 * 60, H, 2 * H, 4 * H, 8 * H, 16 * H, 24 * H, 48 * H, 96 * H, 192 * H, 384 * H, 768 * H];

/** "5m", "2h", "1d": a tick label short enough for a chart's axis. */
export function shortDuration(seconds: number): string {
  if (seconds === 0) return "0";
  if (seconds < H) return `${Math.round(seconds / 60)}m`;
  if (seconds < 24 * H) return `${Math.round(seconds / H)}h`;
  return `${Math.round(seconds / (24 * H))}d`;
}

/**
 * Axis ticks at round durations from 0 to the first one at or above `highest`, on a
 * square-root scale: a tick too close to the one below it is left out (the top one stays).
 */
export function durationTicks(highest: number): number[] {
  const top = ROUND_DURATIONS.find((t) => t >= highest) ?? ROUND_DURATIONS[ROUND_DURATIONS.length - 1];
  const gap = 0.09 * Math.sqrt(top);
  const ticks = [0];
  for (const t of ROUND_DURATIONS.filter((d) => d <= top)) {
    const crowded = Math.sqrt(t) - Math.sqrt(ticks[ticks.length - 1]) < gap;
    if (!crowded) ticks.push(t);
    else if (t === top) ticks[ticks.length - 1] = t;
  }
  return ticks;
}
