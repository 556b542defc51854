// What a form's action answers (decision 0057), the one outcome every form page reads with
// useActionData or its fetcher: done (`ok: true`) or refused (`ok: false`, `errors`: `_` the
// message, then one message per field, as `formRefusal` makes them), for the form `form` names
// (a page with several forms says which one answered). Each form adds what it shows: `Done` what
// was made or changed, `Refused` the values to put back in its fields.
export type FormDone<Done extends object = object> = { ok: true; form: string } & Done;
export type FormRefused<Refused extends object = object> = { ok: false; form: string; errors: Record<string, string> } & Refused;
export type FormOutcome<Done extends object = object, Refused extends object = object> = FormDone<Done> | FormRefused<Refused>;

/** The field errors of an outcome (none when it is done or there is none yet). */
export function outcomeErrors(outcome: { ok: boolean; errors?: Record<string, string> } | undefined): Record<string, string> {
  return outcome && !outcome.ok ? (outcome.errors ?? {}) : {};
}
