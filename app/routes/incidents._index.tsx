import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useRevalidateEvery } from "~/components/live/use-revalidate-every.ts";
import { Time } from "~/components/ui/time.tsx";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SeverityBadge, StatusBadge } from "~/components/ui/badges.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { listComponents } from "~/modules/components/catalog.server.ts";
import { INCIDENT_STATUSES, SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import { listIncidents } from "~/modules/incidents/queries.server.ts";
import { IncidentFiltersSchema } from "~/modules/incidents/schemas.ts";
import { formatDuration } from "~/utils/time.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = IncidentFiltersSchema.safeParse({ ...params, limit: 25 });
  const filters = parsed.success ? parsed.data : IncidentFiltersSchema.parse({ limit: 25 });
  const [page, components] = await Promise.all([listIncidents(filters), listComponents()]);
  return {
    ...page,
    components: components.filter((c) => !c.group).map((c) => ({ id: c.id, name: c.name })),
    timeZone: actor.timeZone,
    canDeclare: can(actor.role, "incident:write"),
    invalidFilters: !parsed.success,
  };
});

/** How often the open list looks again for incidents declared elsewhere (Slack, the API, alerts). */
const LIST_REFRESH_MS = 5_000;

const SELECT = "mt-1 block rounded border border-slate-400 bg-white px-2 py-1 text-sm";

export default function IncidentList() {
  const { incidents, nextCursor, components, canDeclare, invalidFilters } = useLoaderData<typeof loader>();
  useRevalidateEvery(LIST_REFRESH_MS);
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  if (nextCursor) next.set("cursor", nextCursor);
  return (
    <div>
      <PageHeader title="Incidents">
        {canDeclare ? (
          <Link
            to="/incidents/new"
            className="rounded bg-red-700 px-3 py-1.5 text-sm font-semibold text-white no-underline hover:bg-red-800 hover:no-underline"
          >
            Declare incident
          </Link>
        ) : null}
      </PageHeader>
      <Form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3"
        aria-label="Filter incidents"
      >
        <label className="text-sm">
          Status
          <select name="status" defaultValue={params.get("status") ?? ""} className={SELECT}>
            <option value="">Any</option>
            <option value="open">Open (not resolved)</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Severity
          <select name="severity" defaultValue={params.get("severity") ?? ""} className={SELECT}>
            <option value="">Any</option>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Component
          <select name="component" defaultValue={params.get("component") ?? ""} className={SELECT}>
            <option value="">Any</option>
            {components.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          From
          <input type="date" name="from" defaultValue={params.get("from") ?? ""} className={SELECT} />
        </label>
        <label className="text-sm">
          To
          <input type="date" name="to" defaultValue={params.get("to") ?? ""} className={SELECT} />
        </label>
        <Button>Filter</Button>
        <Link to="/incidents" className="py-1.5 text-sm">
          Clear
        </Link>
      </Form>
      {invalidFilters ? <p className="mb-2 text-sm text-red-700">Some filters were not valid and were ignored.</p> : null}
      <DataTable headers={["Incident", "Severity", "Status", "Started", "Duration", "Commander"]}>
        {incidents.length === 0 ? (
          <tr>
            <td colSpan={6} className="px-3 py-6 text-center text-slate-600">
              No incidents match these filters.
            </td>
          </tr>
        ) : null}
        {incidents.map((i) => (
          <tr key={i.id} className="border-b border-slate-200 last:border-0">
            <td className="px-3 py-2">
              <Link to={`/incidents/${i.id}`} className="font-medium">
                <span className="font-mono text-slate-700">{i.ref}</span> {i.title}
              </Link>
              {i.components.length ? <div className="text-xs text-slate-600">{i.components.map((c) => c.name).join(", ")}</div> : null}
            </td>
            <td className="px-3 py-2">
              <SeverityBadge severity={i.severity} />
            </td>
            <td className="px-3 py-2">
              <StatusBadge status={i.status} />
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              <Time at={i.startedAt} format="d MMM yyyy HH:mm" />
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {i.resolvedAt ? formatDuration(Date.parse(i.resolvedAt) - Date.parse(i.startedAt)) : "ongoing"}
            </td>
            <td className="px-3 py-2">{i.commander?.name ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
        {params.get("cursor") ? <Link to={`?${new URLSearchParams([...params].filter(([k]) => k !== "cursor"))}`}>First page</Link> : null}
        {nextCursor ? <Link to={`?${next}`}>Older incidents →</Link> : null}
      </nav>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Incidents · Incident Desk" }];
