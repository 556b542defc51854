// The fields of a component, shared by "Add a component" and the inline editor.
import { useId } from "react";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import type { ComponentFormValues } from "~/modules/components/catalog-forms.ts";

export type RegionChoice = { slug: string; name: string };
export type GroupChoice = { id: string; name: string };

export function ComponentFields({
  values,
  errors,
  groups,
  regions,
  editing,
}: {
  values: ComponentFormValues;
  errors: Record<string, string>;
  groups: GroupChoice[];
  regions: RegionChoice[];
  /** what is being edited; a new entry may become either, and only components can sit in a group */
  editing: "new" | "component" | "group";
}) {
  const id = useId();
  const checked = new Set(values.regions ?? []);
  return (
    <>
      <TextField
        label="Name"
        name="name"
        defaultValue={values.name ?? ""}
        error={errors.name}
        required
        maxLength={120}
        autoComplete="off"
      />
      <TextAreaField
        label="Description"
        name="description"
        defaultValue={values.description ?? ""}
        error={errors.description}
        rows={2}
        maxLength={1000}
      />
      <TextField
        label="SLA target (%)"
        name="slaTarget"
        inputMode="decimal"
        placeholder="99.9"
        defaultValue={values.slaTarget ?? ""}
        error={errors.slaTarget}
        hint="The availability promised for it. Insights shows the months it missed; empty: 99.9."
        autoComplete="off"
      />
      {editing !== "group" ? (
        <SelectField label="Group" name="groupId" defaultValue={values.groupId ?? ""} error={errors.groupId}>
          <option value="">Not in a group</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <fieldset className="mb-3" aria-describedby={errors.regions ? `${id}-regions-error` : undefined}>
        <legend className="block text-sm font-medium text-slate-800">Regions</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {regions.map((r) => (
            <label key={r.slug} className="inline-flex items-center gap-1.5 text-sm text-slate-800">
              <input
                type="checkbox"
                name="regions"
                value={r.slug}
                defaultChecked={checked.has(r.slug)}
                className="h-4 w-4 accent-slate-900"
              />
              {r.name} <span className="font-mono text-xs text-slate-600">{r.slug}</span>
            </label>
          ))}
        </div>
        {errors.regions ? (
          <p id={`${id}-regions-error`} role="alert" className="mt-1 text-sm text-red-700">
            {errors.regions}
          </p>
        ) : null}
      </fieldset>
      {editing === "new" ? (
        <div className="mb-3">
          <label className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-800">
            <input type="checkbox" name="group" defaultChecked={values.group ?? false} className="h-4 w-4 accent-slate-900" />
            This is a group
          </label>
          <p className="mt-1 text-xs text-slate-600">A group holds other components and cannot itself be inside a group.</p>
          {errors.group ? (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {errors.group}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
