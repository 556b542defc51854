import { useRef } from "react";
import { FormError } from "~/components/admin/form-error.tsx";
import { useFormOutcome, useOnSuccess } from "~/components/admin/use-form-outcome.ts";
import { Button } from "~/components/ui/button.tsx";
import type { CatalogFormOutcome } from "~/modules/components/catalog-forms.ts";
import { ComponentFields, type GroupChoice, type RegionChoice } from "./component-fields.tsx";

export function NewComponentForm({ groups, regions }: { groups: GroupChoice[]; regions: RegionChoice[] }) {
  const { fetcher, outcome, errors, busy } = useFormOutcome<CatalogFormOutcome>("create");
  const formRef = useRef<HTMLFormElement>(null);
  useOnSuccess(fetcher, () => formRef.current?.reset());
  const added = outcome?.ok ? outcome.added : undefined;
  return (
    <section aria-labelledby="new-component" className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="new-component" className="mb-3 text-lg font-semibold">
        Add a component
      </h2>
      {added ? (
        <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Added {added.group ? "group" : "component"} <a href={`#component-${added.id}`}>{added.name}</a>.
        </p>
      ) : null}
      <fetcher.Form method="post" ref={formRef} preventScrollReset>
        <input type="hidden" name="intent" value="create" />
        <FormError message={errors._} />
        <ComponentFields
          values={outcome && !outcome.ok ? outcome.values : {}}
          errors={errors}
          groups={groups}
          regions={regions}
          editing="new"
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Adding…" : "Add"}
        </Button>
      </fetcher.Form>
    </section>
  );
}
