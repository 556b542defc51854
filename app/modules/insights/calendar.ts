// Calendar buckets in the organisation's time zone: ISO weeks (Monday first, week 1 holds the
// year's first Thursday) and calendar months, as a reader there names them. Pure.
import { TZDate } from "@date-fns/tz";
import {
  addDays,
  addMonths,
  addWeeks,
  differenceInCalendarDays,
  format,
  getISOWeek,
  getISOWeekYear,
  startOfDay,
  startOfISOWeek,
  startOfMonth,
} from "date-fns";

export type WeekBucket = { week: string; weekStart: string };

const at = (instant: Date | number, timeZone: string) => new TZDate(typeof instant === "number" ? instant : instant.getTime(), timeZone);

/** "2026-W05", and the Monday it starts on. */
export function weekOf(instant: Date, timeZone: string): WeekBucket {
  const local = at(instant, timeZone);
  return {
    week: `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, "0")}`,
    weekStart: format(startOfISOWeek(local), "yyyy-MM-dd"),
  };
}

/** Every month that overlaps [from, to), oldest first. */
export function monthsBetween(from: Date, to: Date, timeZone: string): string[] {
  const months: string[] = [];
  for (let m = startOfMonth(at(from, timeZone)); m.getTime() < to.getTime(); m = addMonths(m, 1)) months.push(format(m, "yyyy-MM"));
  return months;
}

/** The instants a month ("2026-11") begins and ends in the zone. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date } {
  const [year, index] = month.split("-").map(Number);
  const start = new TZDate(year, index - 1, 1, timeZone);
  return { start: new Date(start.getTime()), end: new Date(addMonths(start, 1).getTime()) };
}

/** Midnight starting a calendar day ("2026-11-23") in the zone. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date, timeZone).getTime());
}

/** Midnight starting the day `days` after the one holding `instant` (negative: before). */
export function dayStartFrom(instant: Date, days: number, timeZone: string): Date {
  return new Date(addDays(startOfDay(at(instant, timeZone)), days).getTime());
}

/** Midnight starting the month that holds `instant`. */
export function monthStartOf(instant: Date, timeZone: string): Date {
  return new Date(startOfMonth(at(instant, timeZone)).getTime());
}

/** "2026-11-23" in the zone. */
export function dayOf(instant: Date, timeZone: string): string {
  return format(at(instant, timeZone), "yyyy-MM-dd");
}

/** How many calendar days (in the zone) lie from the day of `from` to the day of `to`. */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return differenceInCalendarDays(at(to, timeZone), at(from, timeZone));
}

/** Consecutive calendar buckets (weeks or months) over a range, to put many instants in them fast. */
export type Buckets = {
  keys: string[];
  /** each bucket's first instant, ascending */
  starts: number[];
  /** the instant the last bucket ends */
  end: number;
  /** the bucket holding `ms`, or -1 outside them all */
  indexOf(ms: number): number;
};

function buckets(keys: string[], starts: number[], end: number): Buckets {
  return {
    keys,
    starts,
    end,
    indexOf(ms) {
      if (starts.length === 0 || ms < starts[0] || ms >= end) return -1;
      let [lo, hi] = [0, starts.length - 1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= ms) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** The calendar months overlapping [from, to) in the zone. */
export function monthBuckets(from: Date, to: Date, timeZone: string): Buckets {
  const keys: string[] = [];
  const starts: number[] = [];
  let m = startOfMonth(at(from, timeZone));
  for (; m.getTime() < to.getTime(); m = addMonths(m, 1)) {
    keys.push(format(m, "yyyy-MM"));
    starts.push(m.getTime());
  }
  return buckets(keys, starts, m.getTime());
}

/** The ISO weeks overlapping [from, to) in the zone; `weekStarts` are their Mondays as days. */
export function weekBuckets(from: Date, to: Date, timeZone: string): Buckets & { weekStarts: string[] } {
  const keys: string[] = [];
  const starts: number[] = [];
  const weekStarts: string[] = [];
  let w = startOfISOWeek(at(from, timeZone));
  for (; w.getTime() < to.getTime(); w = addWeeks(w, 1)) {
    const bucket = weekOf(w, timeZone);
    keys.push(bucket.week);
    weekStarts.push(bucket.weekStart);
    starts.push(w.getTime());
  }
  return { ...buckets(keys, starts, w.getTime()), weekStarts };
}

/** Items grouped by the bucket `instantOf` puts them in (one list per bucket; items outside are left out). */
export function groupInto<T>(b: Buckets, items: T[], instantOf: (item: T) => Date | null): T[][] {
  const groups: T[][] = b.keys.map(() => []);
  for (const item of items) {
    const instant = instantOf(item);
    const index = instant ? b.indexOf(instant.getTime()) : -1;
    if (index >= 0) groups[index].push(item);
  }
  return groups;
}
