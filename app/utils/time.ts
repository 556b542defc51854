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

/** A short zone name for labels, such as "GMT+1" or "UTC". */
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

export function zoneLabel(timeZone: string, at = new Date()): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  let format = zoneNameFormats.get(timeZone);
  if (!format) zoneNameFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })));
  const part = format.formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
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
