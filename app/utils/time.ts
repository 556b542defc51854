// Instants are stored in UTC and shown in the reader's time zone, with UTC beside them
// where it matters (the header's milestones, exports).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export function inZone(value: string | Date, timeZone: string, pattern = "d MMM HH:mm"): string {
  return format(new TZDate(new Date(value).getTime(), timeZone), pattern);
}

export function inUtc(value: string | Date, pattern = "d MMM HH:mm"): string {
  return `${inZone(value, "UTC", pattern)} UTC`;
}

/**
 * A short zone name for labels: the abbreviation people use where there is one ("PST", "EST",
 * "CET", "BST"), else the offset ("GMT+5:30"). American English knows the American names and
 * British English the European ones; either alone says "GMT-8" or "GMT+1" for the other's.
 */
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();
const OFFSET_ONLY = /^(GMT|UTC)([+-−]|$)/;

function zoneName(locale: string, timeZone: string, at: Date): string | undefined {
  const key = `${locale}|${timeZone}`;
  let format = zoneNameFormats.get(key);
  if (!format) zoneNameFormats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })));
  return format.formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
}

export function zoneLabel(timeZone: string, at: Date | string = new Date()): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const instant = new Date(at);
  const american = zoneName("en-US", timeZone, instant) ?? timeZone;
  if (!OFFSET_ONLY.test(american)) return american;
  const british = zoneName("en-GB", timeZone, instant);
  return british && (!OFFSET_ONLY.test(british) || british === "GMT") ? british : american;
}

export type ReaderTime = { text: string; title: string; dateTime: string };

/**
 * An instant as a reader sees it: in their zone, with the zone's abbreviation (unless the pattern
 * is a date alone), and the UTC time for the hover.
 */
export function readerTime(value: string | Date, timeZone: string, pattern = "d MMM HH:mm", options: { zone?: boolean } = {}): ReaderTime {
  const at = new Date(value);
  const local = inZone(at, timeZone, pattern);
  return {
    text: options.zone === false ? local : `${local} ${zoneLabel(timeZone, at)}`,
    title: inUtc(at, "d MMM yyyy HH:mm"),
    dateTime: at.toISOString(),
  };
}

/** The value for an <input type="datetime-local"> showing this instant as the wall-clock time in `timeZone`. */
export function zonedInputValue(value: string | Date | null, timeZone: string): string {
  return value ? inZone(value, timeZone, "yyyy-MM-dd'T'HH:mm") : "";
}

/**
 * The instant a datetime-local value ("2026-11-25T14:05") names in `timeZone`, as ISO; anything
 * else is passed through for the schema to refuse by name.
 */
export function instantFromZonedInput(value: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return value;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime()).toISOString();
}

/** "2h 05m", "14m 09s", "3d 4h": how long something has lasted. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${pad(m)}m`;
  return `${m}m ${pad(s)}s`;
}

/** The value for an <input type="datetime-local"> showing this instant in UTC. */
export function toUtcInputValue(value: string | Date | null): string {
  return value ? new Date(value).toISOString().slice(0, 16) : "";
}
