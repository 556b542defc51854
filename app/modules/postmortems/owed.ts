// Post-mortems owed: a resolved incident of a severity the organisation holds to it owes a
// published post-mortem within so many days of its resolution (Admin → Settings; by default
// SEV1 5 days, SEV2 10, SEV3 and SEV4 none). Listed on /postmortems and in the insights as due
// (the days left) or overdue (the days past). Days are 24-hour periods from the resolution.
// Pure: no I/O (owed.server.ts reads the incidents).
import { z } from "zod";
import { SEVERITIES, type SeverityName } from "~/modules/incidents/lifecycle.ts";
import type { PostmortemStateName } from "./sections.ts";

export type PostmortemDueDays = Record<SeverityName, number | null>;

export const DEFAULT_POSTMORTEM_DUE_DAYS: PostmortemDueDays = { SEV1: 5, SEV2: 10, SEV3: null, SEV4: null };

const Days = z
  .number({ message: "must be a whole number of days from 1 to 365, or null for none" })
  .int("must be a whole number of days from 1 to 365, or null for none")
  .min(1, "must be a whole number of days from 1 to 365, or null for none")
  .max(365, "must be a whole number of days from 1 to 365, or null for none")
  .nullable();

/** All four severities, each a number of days or null. */
export const PostmortemDueDaysSchema = z.object({ SEV1: Days, SEV2: Days, SEV3: Days, SEV4: Days }).strict();

/** The settings form's four fields as the schema's input: an empty field is none, anything else a number (or not). */
export function dueDaysFromForm(form: FormData): Record<SeverityName, number | null> {
  return Object.fromEntries(
    SEVERITIES.map((s) => {
      const value = String(form.get(s) ?? "").trim();
      return [s, value === "" ? null : Number(value)];
    }),
  ) as Record<SeverityName, number | null>;
}

export type OwedCandidate = {
  incidentId: string;
  ref: string;
  title: string;
  severity: SeverityName;
  resolvedAt: Date;
  postmortem: { id: string; state: PostmortemStateName } | null;
};

export type OwedPostmortem = OwedCandidate & {
  dueAt: Date;
  overdue: boolean;
  /** whole days left, rounded up ("due in 5 days" just after the resolution; 0 only at the due moment), or past, at least 1 */
  days: number;
};

const DAY = 24 * 60 * 60_000;

/** The post-mortems owed, the most overdue first, then those due soonest. */
export function postmortemsOwed(candidates: OwedCandidate[], dueDays: PostmortemDueDays, now: Date): OwedPostmortem[] {
  const owed: OwedPostmortem[] = [];
  for (const c of candidates) {
    const within = dueDays[c.severity];
    if (within === null || c.postmortem?.state === "published") continue;
    const dueAt = new Date(c.resolvedAt.getTime() + within * DAY);
    const overdue = now.getTime() > dueAt.getTime();
    const apart = Math.abs(dueAt.getTime() - now.getTime()) / DAY;
    owed.push({ ...c, dueAt, overdue, days: overdue ? Math.max(1, Math.floor(apart)) : Math.ceil(apart) });
  }
  return owed.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.ref.localeCompare(b.ref));
}

/** "Overdue by 3 days", "Due in 1 day", "Due now". */
export function owedText(o: { overdue: boolean; days: number }): string {
  const days = `${o.days} ${o.days === 1 ? "day" : "days"}`;
  if (o.overdue) return `Overdue by ${days}`;
  return o.days === 0 ? "Due now" : `Due in ${days}`;
}

/** The severities that owe a post-mortem, for the settings' sentence. */
export function severitiesOwing(dueDays: PostmortemDueDays): SeverityName[] {
  return SEVERITIES.filter((s) => dueDays[s] !== null);
}
