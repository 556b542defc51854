// Post-mortems owed: how many days after its resolution each severity's incident needs a
// published post-mortem. /postmortems and the insights list the ones due and overdue.
import { Button } from "~/components/ui/button.tsx";
import { TextField } from "~/components/ui/field.tsx";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import type { PostmortemDueDays } from "~/modules/postmortems/owed.ts";
import { FormError } from "./form-error.tsx";
import { useFormOutcome } from "./use-form-outcome.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

export type PostmortemDueFormOutcome = FormOutcome<{ form: "postmortem-due" }, { form: "postmortem-due"; values: Record<string, string> }>;

export function PostmortemDueForm({ dueDays }: { dueDays: PostmortemDueDays }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<PostmortemDueFormOutcome>("postmortem-due");
  const values: Record<string, string> = outcome && !outcome.ok ? outcome.values : {};
  return (
    <section aria-labelledby="postmortem-due-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="postmortem-due-heading" className="mb-1 text-lg font-semibold">
        Post-mortems owed
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        A resolved incident owes a published post-mortem within this many days of its resolution. Post-mortems and Insights list the ones
        due and overdue. Leave a severity empty to owe none for it.
      </p>
      {outcome?.ok && fetcher.state === "idle" ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Post-mortem deadlines saved.
        </p>
      ) : null}
      <fetcher.Form method="post" key={JSON.stringify(dueDays)}>
        <input type="hidden" name="intent" value="postmortem-due" />
        <FormError message={errors._} />
        <div className="grid gap-x-4 sm:grid-cols-4">
          {SEVERITIES.map((severity) => (
            <TextField
              key={severity}
              label={`${severity}: due within (days)`}
              name={severity}
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              step={1}
              defaultValue={values[severity] ?? (dueDays[severity] === null ? "" : String(dueDays[severity]))}
              error={errors[severity]}
              autoComplete="off"
            />
          ))}
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save post-mortem deadlines"}
        </Button>
      </fetcher.Form>
    </section>
  );
}
