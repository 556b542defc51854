import type { ReactNode } from "react";
import { Time } from "~/components/ui/time.tsx";
import { ImpactBadge } from "~/components/ui/badges.tsx";
import type { IncidentView } from "~/modules/incidents/view.ts";
import { formatDuration } from "~/utils/time.ts";

/** Each change of a component's impact, with when it began and ended; `children` is the editor, for those who may write. */
export function ImpactHistory({ incident, children }: { incident: IncidentView; timeZone: string; children?: ReactNode }) {
  if (incident.impactHistory.length === 0 && !children) return null;
  return (
    <details id="field-impact" className="mb-4 rounded-lg border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer text-sm font-semibold">
        Impact over time ({incident.impactHistory.length === 1 ? "1 window" : `${incident.impactHistory.length} windows`})
      </summary>
      <table className="mt-2 w-full text-left text-sm" data-testid="impact-history">
        <thead className="text-slate-600">
          <tr>
            <th className="py-1 pr-3 font-medium">Component</th>
            <th className="py-1 pr-3 font-medium">Impact</th>
            <th className="py-1 pr-3 font-medium">From</th>
            <th className="py-1 pr-3 font-medium">Until</th>
            <th className="py-1 font-medium">For</th>
          </tr>
        </thead>
        <tbody>
          {incident.impactHistory.map((w) => (
            <tr key={`${w.id}-${w.startedAt}`} className="border-t border-slate-200">
              <td className="py-1 pr-3">{w.name}</td>
              <td className="py-1 pr-3">
                <ImpactBadge impact={w.impact} />
              </td>
              <td className="py-1 pr-3">
                <Time at={w.startedAt} />
              </td>
              <td className="py-1 pr-3">{w.endedAt ? <Time at={w.endedAt} /> : "ongoing"}</td>
              <td className="py-1 font-mono" suppressHydrationWarning>
                {formatDuration((w.endedAt ? Date.parse(w.endedAt) : Date.now()) - Date.parse(w.startedAt))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </details>
  );
}
