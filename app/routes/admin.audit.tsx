import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditEventRow } from "~/components/admin/audit-event-row.tsx";
import { AuditFilters, type AuditFilterValues } from "~/components/admin/audit-filters.tsx";
import { FormError } from "~/components/admin/form-error.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { filtersToSearch } from "~/modules/audit/filters.ts";
import { auditFilterChoices, listAuditEvents, parseAuditQuery } from "~/modules/audit/log.server.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

const FILTER_KEYS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "audit:read");
  const params = new URL(request.url).searchParams;
  const values: AuditFilterValues = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!.slice(0, 100)]] : [])),
  );
  const query = parseAuditQuery(params, actor.timeZone);
  const choices = await auditFilterChoices();
  const common = { values, choices, timeZone: actor.timeZone, exportQuery: filtersToSearch(values), firstPage: !params.get("cursor") };
  if (!query.ok) {
    return data({ ...common, errors: query.errors, range: { from: null, before: null }, events: [], nextCursor: null }, { status: 400 });
  }
  const page = await listAuditEvents(query.filters, actor.timeZone);
  const range = { from: query.range.from?.toISOString() ?? null, before: query.range.before?.toISOString() ?? null };
  return { ...common, errors: {} as Record<string, string>, range, ...page };
});

export default function AdminAudit() {
  const { values, choices, timeZone, exportQuery, firstPage, errors, range, events, nextCursor } = useLoaderData<typeof loader>();
  const filtered = Object.keys(values).length > 0;
  const invalid = Object.keys(errors).length > 0;
  return (
    <div>
      <h2 className="mb-1 text-lg font-semibold">Audit log</h2>
      <p className="mb-3 text-sm text-slate-700">
        Every change made in the app, newest first: who made it, when, and what it changed. Nobody can change or delete these records.
      </p>
      <AuditFilters values={values} errors={errors} choices={choices} timeZone={timeZone} range={range} exportQuery={exportQuery} />
      <FormError
        message={
          invalid
            ? `Some filters are not valid: ${Object.entries(errors)
                .map(([field, reason]) => `${field} ${reason}`)
                .join("; ")}.`
            : undefined
        }
      />
      <DataTable headers={["When", "Who", "What", "Entity", "Changes (before → after)"]}>
        {events.length === 0 && !invalid ? (
          <tr>
            <td colSpan={5} className="px-3 py-6 text-center text-slate-600">
              {filtered ? "No events match these filters." : "Nothing has been recorded yet."}
            </td>
          </tr>
        ) : null}
        {events.map((event) => (
          <AuditEventRow key={event.id} event={event} timeZone={timeZone} />
        ))}
      </DataTable>
      <nav aria-label="Pages of the audit log" className="mt-3 flex gap-4 text-sm">
        {!firstPage ? <Link to={`/admin/audit${exportQuery ? `?${exportQuery}` : ""}`}>Newest events</Link> : null}
        {nextCursor ? <Link to={`/admin/audit?${filtersToSearch({ ...values, cursor: nextCursor })}`}>Older events</Link> : null}
      </nav>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Admin · Incident Desk" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });
