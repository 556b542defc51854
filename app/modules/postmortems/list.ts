// The filters of the post-mortem list (/postmortems), as GET query parameters, and the
// quarters they name. Quarters are calendar quarters in UTC, like every stored instant.
// Pure: no I/O.
import { z } from "zod";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import { POSTMORTEM_STATES } from "./sections.ts";

const QUARTER = /^(\d{4})-Q([1-4])$/;

const orEmpty = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal("")]).optional();

export const PostmortemFiltersSchema = z.object({
  severity: orEmpty(z.enum(SEVERITIES)),
  /** a component affected by the incident, at any time and any impact */
  component: orEmpty(z.string().max(64)),
  /** "2026-Q4": the incident started in that quarter */
  quarter: orEmpty(z.string().regex(QUARTER, "must look like 2026-Q4")),
  state: orEmpty(z.enum(POSTMORTEM_STATES)),
});
export type PostmortemFilters = z.output<typeof PostmortemFiltersSchema>;

/** The quarter an instant falls in: "2026-Q4". */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** [from, until) of a quarter such as "2026-Q4"; null when it is not one. */
export function quarterRange(quarter: string): { from: Date; until: Date } | null {
  const match = QUARTER.exec(quarter);
  if (!match) return null;
  const [year, q] = [Number(match[1]), Number(match[2])];
  return { from: new Date(Date.UTC(year, (q - 1) * 3, 1)), until: new Date(Date.UTC(year, q * 3, 1)) };
}
