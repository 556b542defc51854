// What the audit log may be filtered by, parsed from GET parameters (the page, its exports and
// the API share this schema), and the keyset cursor of its pages. No I/O.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { isStorable } from "~/utils/instants.ts";

/** A form submits empty fields; an empty filter is no filter. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Who acted: a person (also through their API tokens), one API token, or the app itself (no actor). */
export type ActorFilter = { kind: "user"; id: string } | { kind: "token"; id: string } | { kind: "system" };

const ActorParam = z
  .string()
  .max(80)
  .transform((value, ctx): ActorFilter => {
    if (value === "system") return { kind: "system" };
    const match = /^(user|token):(.+)$/.exec(value);
    if (!match || !ID.test(match[2]!)) {
      ctx.addIssue({ code: "custom", message: "must be user:<id>, token:<id> or system" });
      return z.NEVER;
    }
    return { kind: match[1] as "user" | "token", id: match[2]! };
  });

/**
 * A bound of the date range: a day or a local time (YYYY-MM-DD, YYYY-MM-DDTHH:mm) read in the
 * reader's time zone, or an ISO-8601 instant with Z or an offset, taken as it is.
 */
export type RangeBound =
  | { kind: "local"; year: number; month: number; day: number; hour: number; minute: number; dayOnly: boolean }
  | { kind: "instant"; at: Date };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const BoundParam = z
  .string()
  .max(40)
  .transform((value, ctx): RangeBound => {
    const local = LOCAL.exec(value);
    if (local) {
      const [year, month, day, hour, minute] = local.slice(1).map((p) => (p === undefined ? 0 : Number(p))) as number[];
      const check = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!));
      const real =
        check.getUTCFullYear() === year && check.getUTCMonth() === month! - 1 && check.getUTCDate() === day && hour! < 24 && minute! < 60;
      if (real && isStorable(check))
        return { kind: "local", year: year!, month: month!, day: day!, hour: hour!, minute: minute!, dayOnly: local[4] === undefined };
    } else if (INSTANT.test(value)) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime()) && isStorable(at)) return { kind: "instant", at };
    }
    ctx.addIssue({
      code: "custom",
      message: "must be a date (YYYY-MM-DD), a local time (YYYY-MM-DDTHH:mm) or an ISO-8601 time, between 1970 and 9999",
    });
    return z.NEVER;
  });

export const AuditFiltersSchema = z.object({
  actor: optional(ActorParam),
  action: optional(
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9_.]+$/, "must be an action such as incident.updated"),
  ),
  entityType: optional(
    z
      .string()
      .max(60)
      .regex(/^[A-Za-z]+$/, "must be an entity type such as Incident"),
  ),
  entityId: optional(z.string().trim().max(100, "must be at most 100 characters")),
  from: optional(BoundParam),
  to: optional(BoundParam),
  cursor: optional(z.string().max(200, "is not a cursor from this log")),
  limit: optional(
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(200, "must be at most 200"),
  ),
});
export type AuditFilters = z.output<typeof AuditFiltersSchema>;

export const DEFAULT_PAGE_SIZE = 50;

/** The instant a bound stands for in `timeZone`; a day as `to` ends at the next midnight. */
export function boundInstant(bound: RangeBound, timeZone: string, side: "from" | "to"): Date {
  if (bound.kind === "instant") return bound.at;
  const { year, month, day, hour, minute, dayOnly } = bound;
  const start = new TZDate(year, month - 1, day, hour, minute, timeZone);
  if (side === "from") return new Date(start.getTime());
  // The end is exclusive: a whole day, or the whole minute typed.
  return dayOnly ? new Date(new TZDate(year, month - 1, day + 1, 0, 0, timeZone).getTime()) : new Date(start.getTime() + 60_000);
}

export type InstantRange = { from: Date | null; before: Date | null };

/** The range in instants (`before` exclusive), or the reason it is empty. */
export function instantRange(filters: Pick<AuditFilters, "from" | "to">, timeZone: string): InstantRange | { error: { to: string } } {
  const from = filters.from ? boundInstant(filters.from, timeZone, "from") : null;
  const before = filters.to ? boundInstant(filters.to, timeZone, "to") : null;
  if (from && before && before <= from) return { error: { to: "must not be before from" } };
  return { from, before };
}

/** The filters as GET parameters again (for links to the next page and the exports). */
export function filtersToSearch(raw: Record<string, string | undefined>, without: string[] = []): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) if (value && !without.includes(key)) params.set(key, value);
  return params.toString();
}
