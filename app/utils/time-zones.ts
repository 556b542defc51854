// The zones a person or the public page may be set to: the runtime's IANA list, UTC first. Chosen
// from this list, never typed (decision 0040).
import { z } from "zod";
import { IANA_ZONES } from "./time-zone-list.ts";

export const DEFAULT_TIME_ZONE = "Etc/UTC";

export const TIME_ZONES: readonly string[] = [DEFAULT_TIME_ZONE, ...IANA_ZONES];

const known = new Set<string>([...TIME_ZONES, "UTC"]);

/**
 * A zone on the list, or another IANA name this runtime knows for one ("Asia/Kolkata" where the list
 * says "Asia/Calcutta", "Europe/Kyiv" for "Europe/Kiev"): what a browser reports may be either.
 */
export function isKnownTimeZone(zone: string): boolean {
  if (known.has(zone)) return true;
  if (!/^[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(zone) || zone.startsWith("Etc/")) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Whether a stored zone is UTC, under either of its names. */
export function isUtcZone(zone: string): boolean {
  return zone === "UTC" || zone === "Etc/UTC";
}

export const TimeZoneField = z
  .string({ message: "must be a time zone from the list, such as Europe/Berlin" })
  .trim()
  .max(64, "must be a time zone from the list, such as Europe/Berlin")
  .refine(isKnownTimeZone, "must be a time zone from the list, such as Europe/Berlin");

/**
 * The zone a form's time inputs were shown in: its hidden `timeZone` field (checked), else the
 * reader's. A page opened before the reader changed zone still means what it showed (decision 0040).
 */
export function formTimeZone(form: FormData, readerZone: string) {
  const parsed = z.object({ timeZone: TimeZoneField.optional() }).safeParse({ timeZone: form.get("timeZone") ?? undefined });
  return parsed.success
    ? ({ success: true, zone: parsed.data.timeZone ?? readerZone } as const)
    : ({ success: false, error: parsed.error } as const);
}
