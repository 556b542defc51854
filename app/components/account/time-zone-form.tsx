// Choosing one's time zone on the account page: every time on a signed-in page follows it.
import { Form } from "@remix-run/react";
import { FormError } from "~/components/admin/form-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/field.tsx";
import { Time } from "~/components/ui/time.tsx";
import { TimeZoneOptions } from "~/components/ui/time-zone-options.tsx";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import type { AccountOutcome } from "./account-outcome.ts";

/** `outcome`: the answer of this form, when it was this one that posted. */
type Props = { timeZone: string; outcome: AccountOutcome | undefined; busy: boolean; now: string };

export function TimeZoneForm({ timeZone, outcome, busy, now }: Props) {
  const errors = outcomeErrors(outcome);
  return (
    <section aria-labelledby="time-zone" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="time-zone" className="mb-1 text-lg font-semibold">
        Time zone
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Every time on these pages is shown in it, with its abbreviation, and the UTC time when you hover over it; the milestones you enter
        are read in it. Now: <Time at={now} format="HH:mm" />.
      </p>
      {outcome?.ok ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Time zone saved.
        </p>
      ) : null}
      <Form method="post" className="max-w-sm" key={timeZone}>
        <input type="hidden" name="intent" value="time-zone" />
        <FormError message={errors._} />
        <SelectField label="Your time zone" name="timeZone" defaultValue={timeZone} error={errors.timeZone}>
          <TimeZoneOptions current={timeZone} />
        </SelectField>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save time zone"}
        </Button>
      </Form>
    </section>
  );
}
