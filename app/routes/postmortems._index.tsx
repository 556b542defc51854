import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Time } from "~/components/ui/time.tsx";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { OwedList } from "~/components/postmortem/owed-list.tsx";
import { PostmortemStateBadge } from "~/components/postmortem/reading/reading-header.tsx";
import { SeverityBadge } from "~/components/ui/badges.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listComponents } from "~/modules/components/catalog.server.ts";
import { SEVERITIES } from "~/modules/incidents/lifecycle.ts";
import { PostmortemFiltersSchema } from "~/modules/postmortems/list.ts";
import { listPostmortems, postmortemQuarters } from "~/modules/postmortems/list.server.ts";
import { loadPostmortemsOwed } from "~/modules/postmortems/owed.server.ts";
import { POSTMORTEM_STATE_LABELS, POSTMORTEM_STATES } from "~/modules/postmortems/sections.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const parsed = PostmortemFiltersSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const [postmortems, quarters, components, owed] = await Promise.all([
    listPostmortems(parsed.success ? parsed.data : {}),
    postmortemQuarters(),
    listComponents(),
    loadPostmortemsOwed(),
  ]);
  const chosenQuarter = parsed.success ? parsed.data.quarter : "";
  return {
    postmortems,
    owed: {
      dueDays: owed.dueDays,
      rows: owed.owed.map((o) => ({ ...o, resolvedAt: o.resolvedAt.toISOString(), dueAt: o.dueAt.toISOString() })),
    },
    // A quarter asked for in the address stays selectable even when it has no post-mortem.
    quarters: chosenQuarter && !quarters.includes(chosenQuarter) ? [...quarters, chosenQuarter].sort().reverse() : quarters,
    components: components.filter((c) => !c.group).map((c) => ({ id: c.id, name: c.name })),
    timeZone: actor.timeZone,
    invalidFilters: !parsed.success,
  };
});

const SELECT = "mt-1 block rounded border border-slate-400 bg-white px-2 py-1 text-sm";

export default function PostmortemList() {
  const { postmortems, owed, quarters, components, timeZone, invalidFilters } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const chosen = (name: string) => params.get(name) ?? "";
  return (
    <div>
      <PageHeader title="Post-mortems" />
      <OwedList owed={owed.rows} dueDays={owed.dueDays} timeZone={timeZone} />
      <Form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3"
        aria-label="Filter post-mortems"
      >
        <label className="text-sm">
          Severity
          <select name="severity" defaultValue={chosen("severity")} className={SELECT}>
            <option value="">Any</option>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Component affected
          <select name="component" defaultValue={chosen("component")} className={SELECT}>
            <option value="">Any</option>
            {components.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Quarter (incident start)
          <select name="quarter" defaultValue={chosen("quarter")} className={SELECT}>
            <option value="">Any</option>
            {quarters.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          State
          <select name="state" defaultValue={chosen("state")} className={SELECT}>
            <option value="">Any</option>
            {POSTMORTEM_STATES.map((s) => (
              <option key={s} value={s}>
                {POSTMORTEM_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <Button>Filter</Button>
        <Link to="/postmortems" className="py-1.5 text-sm">
          Clear
        </Link>
      </Form>
      {invalidFilters ? <p className="mb-2 text-sm text-red-700">Some filters were not valid and were ignored.</p> : null}
      <DataTable headers={["Post-mortem", "Severity", "State", "Incident date", "Open action items"]}>
        {postmortems.length === 0 ? (
          <tr>
            <td colSpan={5} className="px-3 py-6 text-center text-slate-600">
              {params.toString() ? "No post-mortem matches these filters." : "No post-mortem yet: generate one from a resolved incident."}
            </td>
          </tr>
        ) : null}
        {postmortems.map((p) => (
          <tr key={p.id} className="border-b border-slate-200 last:border-0" data-testid="postmortem-row">
            <td className="px-3 py-2">
              <Link to={`/postmortems/${p.id}`} className="font-medium">
                <span className="font-mono text-slate-700">{p.ref}</span>{" "}
                {p.title.startsWith(`${p.ref}: `) ? p.title.slice(p.ref.length + 2) : p.title}
              </Link>
            </td>
            <td className="px-3 py-2">
              <SeverityBadge severity={p.severity} />
            </td>
            <td className="px-3 py-2">
              <PostmortemStateBadge state={p.state} />
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <Time at={p.incidentStartedAt} format="d MMM yyyy" dateOnly />
            </td>
            <td className="px-3 py-2 tabular-nums">{p.openActionItems}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Post-mortems · Incident Desk" }];
