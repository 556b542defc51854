// Per component, the public status this update moves it to ("no change" by default).
import { COMPONENT_STATUS_LABELS, COMPONENT_STATUSES, type ComponentStatusName } from "~/modules/status-page/model.ts";
import type { CommsComponent } from "~/modules/updates/comms.ts";

export function ComponentMoves({
  components,
  value,
  onChange,
}: {
  components: CommsComponent[];
  value: Record<string, ComponentStatusName | "">;
  onChange: (id: string, status: ComponentStatusName | "") => void;
}) {
  return (
    <fieldset className="mb-3">
      <legend className="text-sm font-medium text-slate-800">Components on the status page</legend>
      <p className="mb-2 text-xs text-slate-600">Each component changes to the status chosen here when the update is published.</p>
      <div className="max-h-72 overflow-y-auto rounded border border-slate-300">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-slate-100 text-left text-xs text-slate-700">
            <tr>
              <th className="px-2 py-1 font-medium">Component</th>
              <th className="px-2 py-1 font-medium">Public now</th>
              <th className="px-2 py-1 font-medium">Moves to</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <tr key={c.id} className={`border-t border-slate-200 ${c.impact ? "bg-amber-50" : ""}`}>
                <td className="px-2 py-1">
                  {c.group ? <span className="text-slate-600">{c.group} · </span> : null}
                  {c.name}
                  {c.impact ? (
                    <span className="ml-1 text-xs text-amber-900">(affected: {COMPONENT_STATUS_LABELS[c.impact].toLowerCase()})</span>
                  ) : null}
                </td>
                <td className="px-2 py-1 text-slate-700">{COMPONENT_STATUS_LABELS[c.publicStatus]}</td>
                <td className="px-2 py-1">
                  <select
                    name={`component.${c.id}`}
                    aria-label={`${c.group ? `${c.group} ` : ""}${c.name} moves to`}
                    value={value[c.id] ?? ""}
                    onChange={(e) => onChange(c.id, e.target.value as ComponentStatusName | "")}
                    className="rounded border border-slate-400 bg-white px-1 py-0.5 text-sm"
                  >
                    <option value="">No change</option>
                    {COMPONENT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {COMPONENT_STATUS_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
