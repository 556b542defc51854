// The first public update: how many minutes after its declaration each severity's incident owes
// customers an update. The room counts down to it and prompts once it is overdue (decision 0043).
import { Button } from "~/components/ui/button.tsx";
import { TextField } from "~/components/ui/field.tsx";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import type { FirstUpdateTargets } from "~/modules/updates/first-update.ts";
import { FormError } from "./form-error.tsx";
import { useFormOutcome } from "./use-form-outcome.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

export type FirstUpdateFormOutcome = FormOutcome<{ form: "first-update" }, { form: "first-update"; values: Record<string, string> }>;

export function FirstUpdateForm({ minutes }: { minutes: FirstUpdateTargets }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<FirstUpdateFormOutcome>("first-update");
  const values: Record<string, string> = outcome && !outcome.ok ? outcome.values : {};
  return (
    <section aria-labelledby="first-update-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="first-update-heading" className="mb-1 text-lg font-semibold">
        First public update
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        An incident that affects a component owes customers a first update within this many minutes of its declaration. The incident room
        counts down to it and prompts to draft it once it is overdue. Leave a severity empty for no target.
      </p>
      {outcome?.ok && fetcher.state === "idle" ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          First update targets saved.
        </p>
      ) : null}
      <fetcher.Form method="post" key={JSON.stringify(minutes)}>
        <input type="hidden" name="intent" value="first-update" />
        <FormError message={errors._} />
        <div className="grid gap-x-4 sm:grid-cols-4">
          {SEVERITIES.map((severity) => (
            <TextField
              key={severity}
              label={`${severity}: within (minutes)`}
              name={severity}
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              step={1}
              defaultValue={values[severity] ?? (minutes[severity] === null ? "" : String(minutes[severity]))}
              error={errors[severity]}
              autoComplete="off"
            />
          ))}
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save first update targets"}
        </Button>
      </fetcher.Form>
    </section>
  );
}
