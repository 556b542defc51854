// Choosing which components an incident affects, and how badly, and in which regions:
// the same fields in the declare form and the incident room (read by incidents/forms.ts).
import { COMPONENT_IMPACTS, IMPACT_LABELS } from "~/modules/incidents/lifecycle.ts";

export function ComponentImpactPicker({
  components,
  current,
  className = "",
}: {
  components: { id: string; name: string; group: boolean; groupId: string | null }[];
  current?: Map<string, string>;
  className?: string;
}) {
  const heading = (key: string, text: string) => (
    <p key={key} className="col-span-full pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
      {text}
    </p>
  );
  return (
    <div className={className}>
      {components.flatMap((c, i) => {
        if (c.group) return [heading(c.id, c.name)];
        const picker = (
          <label key={c.id} className="flex items-center justify-between gap-2 rounded px-1 text-sm hover:bg-slate-50">
            <span>{c.name}</span>
            <select
              name={`impact:${c.id}`}
              defaultValue={current?.get(c.id) ?? ""}
              className="rounded border border-slate-400 bg-white px-1 py-0.5 text-xs"
            >
              <option value="">Not affected</option>
              {COMPONENT_IMPACTS.map((impact) => (
                <option key={impact} value={impact}>
                  {IMPACT_LABELS[impact]}
                </option>
              ))}
            </select>
          </label>
        );
        // Components outside any group get their own heading, so they do not read as the last group's.
        const afterGroup = c.groupId === null && i > 0 && (components[i - 1].groupId !== null || components[i - 1].group);
        return afterGroup ? [heading(`${c.id}-other`, "Other"), picker] : [picker];
      })}
    </div>
  );
}

export function RegionPicker({
  regions,
  selected,
  legend,
  error,
}: {
  regions: { id: string; name: string }[];
  selected?: Set<string>;
  legend: string;
  error?: string;
}) {
  return (
    <fieldset className="mb-3 mt-3" aria-invalid={error ? true : undefined} aria-describedby={error ? "regions-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {regions.map((r) => (
          <label key={r.id} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="regions" value={r.id} defaultChecked={selected?.has(r.id)} /> {r.name}
          </label>
        ))}
      </div>
      {error ? (
        <p id="regions-error" className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
