// After the incident: action items opened and closed per month with the ones open past due,
// the post-mortems owed, and how customers were kept informed (first public update, promised updates kept).
import { Link } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table.tsx";
import { SeverityBadge } from "~/components/ui/badges.tsx";
import { describeDue } from "~/modules/action-items/rules.ts";
import { owedText } from "~/modules/postmortems/owed.ts";
import { POSTMORTEM_STATE_LABELS } from "~/modules/postmortems/sections.ts";
import type { InsightsPageData } from "~/modules/insights/page-data.ts";
import { ChartFrame } from "./chart-frame.tsx";
import { ActionItemsChart } from "./charts.client.tsx";
import { FigureLink } from "./figure-link.tsx";
import { duration, monthLabel, share } from "./format.ts";

const CELL = "px-3 py-1.5";

export function ActionItemsSection({ data, now }: { data: InsightsPageData; now: string }) {
  const { actionItems, overdueIncidents } = data;
  const { overdue } = actionItems;
  return (
    <div className="space-y-4">
      <ChartFrame
        id="action-items"
        title="Action items opened and closed per month"
        description={`Closed means done or won't do. Median time to close: ${duration(actionItems.timeToClose.median)} over ${actionItems.timeToClose.count} items closed in the range.`}
        chart={() => <ActionItemsChart months={actionItems.byMonth} />}
        table={
          <DataTable headers={["Month", "Opened", "Closed"]}>
            {actionItems.byMonth.map((m) => (
              <tr key={m.month} className="border-b border-slate-200 last:border-0">
                <th scope="row" className={`${CELL} font-normal`}>
                  {monthLabel(m.month)}
                </th>
                <td className={CELL}>{m.opened.count ? <FigureLink figure={m.opened}>{m.opened.count}</FigureLink> : 0}</td>
                <td className={CELL}>{m.closed.count ? <FigureLink figure={m.closed}>{m.closed.count}</FigureLink> : 0}</td>
              </tr>
            ))}
          </DataTable>
        }
      />
      <div>
        <h3 className="mb-2 font-semibold">
          Open past their due date: <FigureLink figure={overdue}>{overdue.count}</FigureLink>
        </h3>
        {overdue.count === 0 ? (
          <p className="text-sm text-slate-700">None.</p>
        ) : (
          <DataTable headers={["Action item", "Due", "Owner", "Incident"]}>
            {overdue.items.map((item) => (
              <tr key={item.id} className="border-b border-slate-200 last:border-0">
                <td className={CELL}>{item.title}</td>
                <td className={CELL}>
                  {describeDue(item, new Date(now)).relative}{" "}
                  <span className="text-xs text-slate-700">({describeDue(item, new Date(now)).absolute})</span>
                </td>
                <td className={CELL}>{item.owner ?? "No owner"}</td>
                <td className={CELL}>
                  <Link to={`/incidents/${item.incidentId}`}>{overdueIncidents[item.incidentId]?.ref ?? "Incident"}</Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {overdue.count > overdue.items.length ? (
          <p className="mt-1 text-sm">
            The {overdue.items.length} most overdue are shown; <Link to="/action-items">all action items</Link> lists every one.
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function PostmortemsOwedSection({ postmortems }: { postmortems: InsightsPageData["postmortems"] }) {
  const { owed, overdue, items } = postmortems;
  return (
    <div>
      <p className="mb-2 text-sm text-slate-800">
        Owed now: <FigureLink figure={owed}>{owed.count}</FigureLink>, of which overdue:{" "}
        <FigureLink figure={overdue}>{overdue.count}</FigureLink>. A resolved incident owes a published post-mortem within the days Admin →
        Settings gives its severity, whenever it started.
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">None owed.</p>
      ) : (
        <DataTable headers={["Incident", "Severity", "Due", "Post-mortem"]}>
          {items.map((item) => (
            <tr key={item.incidentId} className="border-b border-slate-200 last:border-0">
              <td className={CELL}>
                <Link to={item.postmortemId ? `/postmortems/${item.postmortemId}` : `/incidents/${item.ref}/postmortem`}>
                  {item.ref} {item.title}
                </Link>
              </td>
              <td className={CELL}>
                <SeverityBadge severity={item.severity} />
              </td>
              <td className={`${CELL} ${item.overdue ? "font-semibold text-red-800" : ""}`}>{owedText(item)}</td>
              <td className={CELL}>{item.postmortemState ? POSTMORTEM_STATE_LABELS[item.postmortemState] : "Not started"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export function CommsSection({ comms }: { comms: InsightsPageData["comms"] }) {
  const { promises } = comms;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800">
        Promised updates: <FigureLink figure={promises}>{share(promises.keptShare)} kept</FigureLink> ({promises.kept} kept,{" "}
        {promises.missed} missed
        {promises.pending ? `, ${promises.pending} still ahead` : ""}). A promise is kept when the next update is published by the time the
        previous one gave.
      </p>
      <DataTable headers={["Month", "Median time to first public update", "p90", "Incidents with an update"]}>
        {comms.firstUpdateByMonth.map((m) => (
          <tr key={m.month} className="border-b border-slate-200 last:border-0">
            <th scope="row" className={`${CELL} font-normal`}>
              {monthLabel(m.month)}
            </th>
            <td className={CELL}>{m.count ? <FigureLink figure={m}>{duration(m.median)}</FigureLink> : "—"}</td>
            <td className={CELL}>{duration(m.p90)}</td>
            <td className={CELL}>{m.count}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
