// Alert intake rules: which label gives an alert's severity and how its values map to
// SEV1-SEV4, and which label names the affected components.
import { Button } from "~/components/ui/button.tsx";
import { TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { AlertRulesForm } from "~/modules/alerts/rules.ts";
import { FormError } from "./form-error.tsx";
import { useFormOutcome } from "./use-form-outcome.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

export type AlertIntakeFormOutcome = FormOutcome<{ form: "alert-intake" }, { form: "alert-intake"; values: Record<string, string> }>;

export function AlertIntakeForm({ rules, appUrl }: { rules: AlertRulesForm; appUrl: string }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<AlertIntakeFormOutcome>("alert-intake");
  const values: Record<string, string> = outcome && !outcome.ok ? outcome.values : {};
  const value = (field: keyof AlertRulesForm) => values[field] ?? rules[field];
  return (
    <section aria-labelledby="alert-intake-heading" className="mt-6 max-w-3xl rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="alert-intake-heading" className="mb-1 text-lg font-semibold">
        Alert intake
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Alertmanager posts to <code>{appUrl}/api/v1/alerts/alertmanager</code>, other monitoring to{" "}
        <code>{appUrl}/api/v1/alerts/generic</code>, each with an API token of a responder (see the README). A firing alert group opens an
        incident; these rules set its severity and affected components. They apply to the next incident an alert opens; open incidents keep
        what people set.
      </p>
      {outcome?.ok && fetcher.state === "idle" ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Alert rules saved.
        </p>
      ) : null}
      <fetcher.Form method="post" key={JSON.stringify(rules)}>
        <input type="hidden" name="intent" value="alert-intake" />
        <FormError message={errors._} />
        <TextField
          label="Severity label"
          name="severityLabel"
          required
          maxLength={100}
          defaultValue={value("severityLabel")}
          error={errors.severityLabel}
          hint="The alert label whose value gives the severity, such as severity or priority."
          autoComplete="off"
        />
        <TextAreaField
          label="Severity mapping"
          name="severityRules"
          rows={7}
          maxLength={5000}
          defaultValue={value("severityRules")}
          error={errors.severityRules}
          className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm aria-[invalid=true]:border-red-600"
          hint={
            <>
              One line per severity: label values separated by commas, then <code>=</code> and a severity (SEV1 to SEV4), such as{" "}
              <code>high, error = SEV2</code>. Values are compared without regard to case. <code>* = SEV3</code> gives the severity of any
              other value and of alerts without the label (SEV3 if there is no such line). <code>#</code> starts a comment. An incident
              takes the most severe of its firing alerts; its components are marked major outage for SEV1, partial outage for SEV2, degraded
              performance otherwise.
            </>
          }
        />
        <TextField
          label="Component label"
          name="componentLabel"
          required
          maxLength={100}
          defaultValue={value("componentLabel")}
          error={errors.componentLabel}
          hint="The alert label naming the affected component (several separated by commas), matched to the catalog's names without regard to case. Names not in the catalog are noted on the timeline and otherwise ignored."
          autoComplete="off"
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save alert rules"}
        </Button>
      </fetcher.Form>
    </section>
  );
}
