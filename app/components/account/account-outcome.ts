// What the account page's action answers (decision 0057): one FormOutcome, `form` the intent of
// the form that posted (its sessions, its time zone, its password; the time-zone offer posts here too).
import type { FormOutcome } from "~/utils/form-outcome.ts";

export type AccountForm = "end-session" | "end-other-sessions" | "time-zone" | "change-password";

export type AccountOutcome = FormOutcome<{
  form: AccountForm;
  /** how many sessions were ended */
  ended?: number;
  passwordChanged?: { sessionsEnded: number };
  /** the zone saved */
  timeZone?: string;
}>;

/** The outcome when it is the answer of `form` (without JavaScript the page shows every form). */
export function outcomeOf(outcome: AccountOutcome | undefined, ...forms: string[]): AccountOutcome | undefined {
  return outcome && forms.includes(outcome.form) ? outcome : undefined;
}
