// What the insights page, its JSON and its CSV are asked for: a date range, a severity, a
// component and an SLA target. One schema for all three; pure. A day ("2026-11-01") is a
// calendar day in the organisation's time zone, `to` included; a full ISO-8601 time is taken as
// it is. Without `from` and `to`: the last 90 days, today included.
import { z } from "zod";
import { SEVERITIES, type SeverityName } from "~/modules/incidents/lifecycle.ts";
import { isStorable } from "~/utils/instants.ts";
import { dayStartFrom, startOfDayIn } from "./calendar.ts";

export const DEFAULT_DAYS = 90;
export const DEFAULT_SLA_TARGET = 99.9;
/** Longer ranges are refused: a figure over years is a different report. */
export const MAX_RANGE_DAYS = 3 * 366;
const DAY_MS = 24 * 60 * 60 * 1000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type DayOrInstant = { day: string } | { instant: Date };

const DayOrInstantSchema = z
  .string()
  .trim()
  .transform((value, ctx): DayOrInstant | undefined => {
    if (value === "") return undefined;
    if (DAY.test(value)) {
      const date = new Date(`${value}T00:00:00.000Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || !isStorable(date)) {
        ctx.addIssue({ code: "custom", message: "must be a real day such as 2026-11-01" });
        return z.NEVER;
      }
      return { day: value };
    }
    const instant = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(instant.getTime()) || !isStorable(instant)) {
      ctx.addIssue({ code: "custom", message: "must be a day (2026-11-01) or an ISO-8601 time" });
      return z.NEVER;
    }
    return { instant };
  });

export const InsightsQuerySchema = z.object({
  from: DayOrInstantSchema.optional(),
  to: DayOrInstantSchema.optional(),
  severity: z
    .union([z.enum(SEVERITIES), z.literal("")], { message: `must be one of ${SEVERITIES.join(", ")}` })
    .optional()
    .transform((s) => (s ? s : undefined)),
  component: z
    .string()
    .trim()
    .max(64, "is not a component id")
    .optional()
    .transform((s) => (s ? s : undefined)),
  sla: z
    .union([z.literal(""), z.coerce.number({ message: "must be a percentage such as 99.9" })])
    .optional()
    .transform((s) => (s === "" || s === undefined ? undefined : s))
    .refine((s) => s === undefined || (s > 0 && s < 100), "must be a percentage above 0 and below 100, such as 99.9"),
});
export type InsightsQuery = z.output<typeof InsightsQuerySchema>;

export type InsightsRange = {
  from: Date;
  /** exclusive */
  to: Date;
  /** the same length just before `from`, for the trend of the headline numbers */
  previousFrom: Date;
  /** what the figures call now: `to`, or the present when `to` is still ahead */
  asOf: Date;
};

export type InsightsFilters = {
  range: InsightsRange;
  severity: SeverityName | null;
  componentId: string | null;
  slaTarget: number;
  /** true when the target came from the query, false for the default */
  slaFromQuery: boolean;
  timeZone: string;
};

export type RangeResult = { ok: true; range: InsightsRange } | { ok: false; fields: Record<string, string> };

/** The range in instants, or the fields that make it unusable. */
export function resolveRange(query: Pick<InsightsQuery, "from" | "to">, timeZone: string, now: Date): RangeResult {
  const to = !query.to ? now : "day" in query.to ? dayStartFrom(startOfDayIn(query.to.day, timeZone), 1, timeZone) : query.to.instant;
  const from = !query.from
    ? dayStartFrom(new Date(Math.min(to.getTime(), now.getTime()) - 1), 1 - DEFAULT_DAYS, timeZone)
    : "day" in query.from
      ? startOfDayIn(query.from.day, timeZone)
      : query.from.instant;
  if (from.getTime() > now.getTime()) return { ok: false, fields: { from: "must not be in the future" } };
  if (from.getTime() >= to.getTime()) return { ok: false, fields: { from: "must be before to" } };
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    return { ok: false, fields: { to: `must be at most ${MAX_RANGE_DAYS} days after from` } };
  const length = to.getTime() - from.getTime();
  return {
    ok: true,
    range: { from, to, previousFrom: new Date(from.getTime() - length), asOf: new Date(Math.min(to.getTime(), now.getTime())) },
  };
}
