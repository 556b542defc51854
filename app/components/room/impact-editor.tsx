// Correcting the impact windows by hand: one small table per component (impact level, from,
// until), rows added and removed, saved all at once (incidents/impact-forms.ts reads the rows;
// PUT /api/v1/incidents/:id/impact takes the same windows). Times are in the reader's zone, as the
// milestones', and the form names that zone in a hidden field (decision 0040).
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/ui/button.tsx";
import { COMPONENT_IMPACTS, IMPACT_LABELS, type ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import type { RoomFormOutcome } from "~/modules/incidents/forms.ts";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { useReaderZone } from "~/components/ui/time.tsx";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import { zonedInputValue, zoneLabel } from "~/utils/time.ts";

type Row = {
  key: number;
  componentId: string;
  impact: ComponentImpactName;
  startedAt: string;
  endedAt: string;
  was: { startedAt: string; endedAt: string };
};

const INPUT = "w-full rounded border border-slate-400 bg-white px-1 py-0.5 text-xs";

function rowsOf(incident: IncidentView, zone: string): Row[] {
  return incident.impactHistory.map((w, key) => ({
    key,
    componentId: w.id,
    impact: w.impact,
    startedAt: zonedInputValue(w.startedAt, zone),
    endedAt: zonedInputValue(w.endedAt, zone),
    was: { startedAt: w.startedAt, endedAt: w.endedAt ?? "" },
  }));
}

export function ImpactEditor({
  incident,
  components,
}: {
  incident: IncidentView;
  components: { id: string; name: string; group: boolean }[];
}) {
  const fetcher = useFetcher<RoomFormOutcome>();
  const zone = useReaderZone();
  const label = zoneLabel(zone, incident.startedAt);
  const [rows, setRows] = useState(() => rowsOf(incident, zone));
  const [adding, setAdding] = useState("");
  const names = new Map<string, string>([
    ...components.map((c): [string, string] => [c.id, c.name]),
    ...incident.impactHistory.map((w): [string, string] => [w.id, w.name]),
  ]);
  const errors = outcomeErrors(fetcher.data);
  const shownComponents = [...new Set(rows.map((r) => r.componentId))];
  const nextKey = () => Math.max(0, ...rows.map((r) => r.key)) + 1;
  const addRow = (componentId: string) => {
    const last = rows.filter((r) => r.componentId === componentId).at(-1);
    const from = last?.endedAt || zonedInputValue(incident.startedAt, zone);
    const row: Row = {
      key: nextKey(),
      componentId,
      impact: last?.impact ?? "degraded_performance",
      startedAt: from,
      endedAt: zonedInputValue(incident.resolvedAt, zone),
      was: { startedAt: "", endedAt: "" },
    };
    setRows([...rows, row]);
  };
  const change = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const indexOf = (row: Row) => rows.indexOf(row);
  const problem = (row: Row, field: string) => errors[`windows.${indexOf(row)}.${field}`];
  const general = Object.entries(errors).filter(([k]) => !k.startsWith("windows."));

  return (
    <fetcher.Form method="post" className="mt-3 border-t border-slate-200 pt-3" aria-label="Correct the impact windows">
      <input type="hidden" name="intent" value="impact" />
      <input type="hidden" name="timeZone" value={zone} />
      <p className="mb-2 text-xs text-slate-600">
        Times in your zone ({label}). A window must lie between Started and Resolved; one component&apos;s windows must not overlap. Leave{" "}
        <em>Until</em> empty while the impact lasts. Saving is recorded in the audit log.
      </p>
      {shownComponents.map((componentId) => (
        <table key={componentId} className="mb-3 w-full text-left text-sm" data-testid="impact-editor-component">
          <caption className="text-left text-sm font-medium">{names.get(componentId) ?? componentId}</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th className="py-1 pr-2 font-medium">Impact</th>
              <th className="py-1 pr-2 font-medium">From ({label})</th>
              <th className="py-1 pr-2 font-medium">Until ({label})</th>
              <th className="py-1 font-medium">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((r) => r.componentId === componentId)
              .map((r) => (
                <tr key={r.key} className="align-top">
                  <td className="py-1 pr-2">
                    <input type="hidden" name="componentId" value={r.componentId} />
                    <select
                      name="impact"
                      value={r.impact}
                      onChange={(e) => change(r.key, { impact: e.target.value as ComponentImpactName })}
                      className={INPUT}
                      aria-label={`Impact of ${names.get(componentId)}`}
                    >
                      {COMPONENT_IMPACTS.map((impact) => (
                        <option key={impact} value={impact}>
                          {IMPACT_LABELS[impact]}
                        </option>
                      ))}
                    </select>
                    <FieldProblem text={problem(r, "impact") ?? problem(r, "componentId")} />
                  </td>
                  {(["startedAt", "endedAt"] as const).map((field) => (
                    <td key={field} className="py-1 pr-2">
                      <input type="hidden" name={`${field}Shown`} value={r.was[field] ? zonedInputValue(r.was[field], zone) : ""} />
                      <input type="hidden" name={`${field}Was`} value={r.was[field]} />
                      <input
                        type="datetime-local"
                        name={field}
                        value={r[field]}
                        onChange={(e) => change(r.key, { [field]: e.target.value })}
                        className={INPUT}
                        aria-label={`${field === "startedAt" ? "From" : "Until"} (${names.get(componentId)})`}
                      />
                      <FieldProblem text={problem(r, field)} />
                    </td>
                  ))}
                  <td className="py-1">
                    <Button
                      type="button"
                      variant="ghost"
                      className="px-2 py-0.5 text-xs"
                      onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>
                <Button type="button" variant="secondary" className="px-2 py-0.5 text-xs" onClick={() => addRow(componentId)}>
                  Add a window for {names.get(componentId)}
                </Button>
              </td>
            </tr>
          </tfoot>
        </table>
      ))}
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-xs">
          Another component
          <select value={adding} onChange={(e) => setAdding(e.target.value)} className={`${INPUT} mt-1`}>
            <option value="">Choose…</option>
            {components
              .filter((c) => !c.group && !shownComponents.includes(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={!adding}
          onClick={() => (addRow(adding), setAdding(""))}
        >
          Add
        </Button>
        <Button className="ml-auto" disabled={fetcher.state !== "idle"}>
          Save impact windows
        </Button>
      </div>
      {general.length ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {general.map(([k, v]) => (k === "_" ? v : `${k}: ${v}`)).join(" ")}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

function FieldProblem({ text }: { text?: string }) {
  return text ? (
    <span className="mt-0.5 block text-xs text-red-700" role="alert">
      {text}
    </span>
  ) : null;
}
