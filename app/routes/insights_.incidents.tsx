// /insights/incidents?figure=<key>&…filters: the incidents behind one figure of the insights
// page, with their times, each linking to its room.
import { Time } from "~/components/ui/time.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { duration, rangeLabel } from "~/components/insights/format.ts";
import { SeverityBadge } from "~/components/ui/badges.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { describeFigure, figuresByKey } from "~/modules/insights/figures.ts";
import { incidentTimeTo } from "~/modules/insights/metrics.ts";
import { loadInsightsForPage } from "~/modules/insights/page.server.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const url = new URL(request.url);
  const key = url.searchParams.get("figure") ?? "";
  const { insights, data, catalog, errors, query } = await loadInsightsForPage(url.searchParams);
  const figure = figuresByKey(insights).get(key);
  if (!figure) throw new Response("There is no such figure for these filters.", { status: 404 });
  const facts = new Map(data.incidents.map((i) => [i.id, i]));
  const names = new Map(catalog.map((c) => [c.id, c.name]));
  return {
    title: describeFigure(key, (id) => names.get(id)),
    range: insights.range,
    back: `/insights?${query}`,
    invalidFilters: Object.keys(errors),
    timeZone: actor.timeZone,
    incidents: figure.incidentIds
      .map((id) => {
        const ref = insights.incidents[id];
        const known = facts.get(id);
        return {
          id,
          ref: ref.ref,
          title: ref.title,
          severity: ref.severity,
          startedAt: ref.startedAt,
          timeTo: known ? incidentTimeTo(known) : null,
        };
      })
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)),
  };
});

export default function FigureIncidents() {
  const { title, range, back, invalidFilters, incidents } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={back}>← Insights</Link>
      </p>
      <PageHeader title={title} />
      <p className="mb-3 text-sm text-slate-800">
        {incidents.length} incident{incidents.length === 1 ? "" : "s"} · {rangeLabel(range)} ({range.timeZone})
        {invalidFilters.length ? ` · left out filters that could not be used: ${invalidFilters.join(", ")}` : ""}
      </p>
      <DataTable headers={["Incident", "Severity", "Started", "Detect", "Acknowledge", "Mitigate", "Resolve"]}>
        {incidents.length === 0 ? (
          <tr>
            <td colSpan={7} className="px-3 py-6 text-center text-slate-600">
              No incidents are behind this figure.
            </td>
          </tr>
        ) : null}
        {incidents.map((i) => (
          <tr key={i.id} className="border-b border-slate-200 last:border-0" data-testid="figure-incident">
            <td className="px-3 py-2">
              <Link to={`/incidents/${i.id}`} className="font-medium">
                <span className="font-mono text-slate-700">{i.ref}</span> {i.title}
              </Link>
            </td>
            <td className="px-3 py-2">
              <SeverityBadge severity={i.severity} />
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              <Time at={i.startedAt} format="d MMM yyyy HH:mm" />
            </td>
            <td className="px-3 py-2">{duration(i.timeTo?.detect)}</td>
            <td className="px-3 py-2">{duration(i.timeTo?.acknowledge)}</td>
            <td className="px-3 py-2">{duration(i.timeTo?.mitigate)}</td>
            <td className="px-3 py-2">{duration(i.timeTo?.resolve)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Incidents"} · Insights · Incident Desk` }];

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      byStatus={{ 404: { title: "No such figure", message: "This figure is not on the insights page for these filters." } }}
    />
  );
}
