// How the public page, its feeds and the notices write a moment: in the page's time zone with
// UTC beside it. Pure.
import { inZone, zoneLabel } from "~/utils/time.ts";

function isUtc(timeZone: string): boolean {
  return timeZone === "UTC" || timeZone === "Etc/UTC";
}

/** "Nov 23, 14:05 CET (13:05 UTC)"; the UTC part names its own date when that differs. */
export function formatPageTime(at: Date, timeZone: string): string {
  const utc = inZone(at, "UTC", "MMM d, HH:mm");
  if (isUtc(timeZone)) return `${utc} UTC`;
  const local = inZone(at, timeZone, "MMM d, HH:mm");
  const sameDay = inZone(at, timeZone, "yyyy-MM-dd") === inZone(at, "UTC", "yyyy-MM-dd");
  return `${local} ${zoneLabel(timeZone, at)} (${sameDay ? inZone(at, "UTC", "HH:mm") : utc} UTC)`;
}

/** "Nov 23, 2026" in the page's zone, for day and month headings. */
export function formatPageDay(at: Date, timeZone: string): string {
  return inZone(at, timeZone, "MMM d, yyyy");
}
