// The insights filters: a plain GET form, so it works without JavaScript and every view has
// its own URL to share. A filter that cannot be used is named beside its field.
import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";

export type FilterValues = { from: string; to: string; severity: string; component: string; sla: string };
type CatalogEntry = { id: string; name: string; isGroup: boolean; groupId: string | null };

export function InsightsFilterForm({
  values,
  errors,
  catalog,
  defaultSla,
}: {
  values: FilterValues;
  errors: Record<string, string>;
  catalog: CatalogEntry[];
  defaultSla: number;
}) {
  return (
    <Form
      method="get"
      className="mb-6 flex flex-wrap items-end gap-x-3 rounded-lg border border-slate-300 bg-white p-3 [&>div]:w-40"
      aria-label="Filter the insights"
    >
      <TextField label="From" type="date" name="from" defaultValue={values.from} error={errors.from} />
      <TextField label="To (included)" type="date" name="to" defaultValue={values.to} error={errors.to} />
      <SelectField label="Severity" name="severity" defaultValue={values.severity} error={errors.severity}>
        <option value="">Any</option>
        {SEVERITIES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </SelectField>
      <SelectField label="Component" name="component" defaultValue={values.component} error={errors.component}>
        <option value="">Any</option>
        {catalog.map((c) => (
          <option key={c.id} value={c.id}>
            {c.groupId ? `\u00a0\u00a0${c.name}` : c.isGroup ? `${c.name} (group)` : c.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="SLA target (%)"
        name="sla"
        inputMode="decimal"
        placeholder={String(defaultSla)}
        defaultValue={values.sla}
        error={errors.sla}
      />
      <div className="mb-3 flex items-center gap-3">
        <Button>Show</Button>
        <Link to="/insights" className="text-sm">
          Reset
        </Link>
      </div>
    </Form>
  );
}
