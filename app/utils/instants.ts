// Times that come from outside: ISO-8601, storable by both databases, and not in the future
// (a few minutes of clock skew allowed).
import { z } from "zod";

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** Outside these years a time is a typo, and the database client cannot store it (a 500, not a 422). */
const STORABLE_FROM = Date.UTC(1970, 0, 1);
const STORABLE_UNTIL = Date.UTC(10000, 0, 1) - 1;

export const isStorable = (d: Date) => d.getTime() >= STORABLE_FROM && d.getTime() <= STORABLE_UNTIL;

/** A moment that has happened: a milestone, an entry's time. */
export const PastInstant = z.coerce
  .date({ message: "must be an ISO-8601 time" })
  .refine(isStorable, "must be between 1970 and 9999")
  .refine((d) => d.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "must not be in the future");

/** A date to filter by. */
export const FilterDate = z.coerce.date({ message: "must be a date" }).refine(isStorable, "must be between 1970 and 9999");
