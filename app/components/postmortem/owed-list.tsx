// The post-mortems owed, above the list on /postmortems: each resolved incident that still needs a
// published one, with when it is due and how many days are left or past (postmortems/owed.ts).
import { Time } from "~/components/ui/time.tsx";
import { Link } from "@remix-run/react";
import { PostmortemStateBadge } from "~/components/postmortem/reading/reading-header.tsx";
import { SeverityBadge } from "~/components/ui/badges.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";
import { owedText, type PostmortemDueDays } from "~/modules/postmortems/owed.ts";
import type { PostmortemStateName } from "~/modules/postmortems/sections.ts";

export type OwedRow = {
  incidentId: string;
  ref: string;
  title: string;
  severity: SeverityName;
  resolvedAt: string;
  dueAt: string;
  overdue: boolean;
  days: number;
  postmortem: { id: string; state: PostmortemStateName } | null;
};

const CELL = "px-3 py-2";

/** "A published post-mortem is due 5 days after a SEV1 is resolved, and 10 days after a SEV2." */
function dueRule(dueDays: PostmortemDueDays): string {
  const rules = Object.entries(dueDays).flatMap(([severity, days]) =>
    days === null ? [] : [`${days} ${days === 1 ? "day" : "days"} after a ${severity}`],
  );
  if (rules.length === 0) return "No severity owes a post-mortem (Admin → Settings).";
  const [first, ...rest] = rules;
  return `A published post-mortem is due ${first} is resolved${rest.map((r) => `, and ${r}`).join("")}.`;
}

export function OwedList({ owed, dueDays }: { owed: OwedRow[]; dueDays: PostmortemDueDays; timeZone: string }) {
  const overdue = owed.filter((o) => o.overdue).length;
  return (
    <section aria-labelledby="owed-heading" className="mb-6">
      <h2 id="owed-heading" className="mb-1 text-lg font-semibold">
        Owed{owed.length ? ` (${owed.length}${overdue ? `, ${overdue} overdue` : ""})` : ""}
      </h2>
      <p className="mb-2 text-sm text-slate-700">{dueRule(dueDays)}</p>
      {owed.length === 0 ? (
        <p className="text-sm text-slate-700">None owed: every incident that needs one has its post-mortem published.</p>
      ) : (
        <DataTable headers={["Incident", "Severity", "Resolved", "Due", "Post-mortem"]}>
          {owed.map((o) => (
            <tr key={o.incidentId} className="border-b border-slate-200 last:border-0" data-testid="owed-row">
              <td className={CELL}>
                <Link to={o.postmortem ? `/postmortems/${o.postmortem.id}` : `/incidents/${o.ref}/postmortem`} className="font-medium">
                  <span className="font-mono text-slate-700">{o.ref}</span> {o.title}
                </Link>
              </td>
              <td className={CELL}>
                <SeverityBadge severity={o.severity} />
              </td>
              <td className={`whitespace-nowrap ${CELL}`}>
                <Time at={o.resolvedAt} format="d MMM yyyy" dateOnly />
              </td>
              <td className={CELL}>
                <span className={o.overdue ? "font-semibold text-red-800" : "text-slate-900"}>{owedText(o)}</span>{" "}
                <span className="whitespace-nowrap text-xs text-slate-700">
                  (<Time at={o.dueAt} />)
                </span>
              </td>
              <td className={CELL}>
                {o.postmortem ? <PostmortemStateBadge state={o.postmortem.state} /> : <span className="text-slate-700">Not started</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
