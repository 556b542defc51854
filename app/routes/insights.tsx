// /insights: the figures a leadership meeting asks for, filtered by range, severity and
// component, with charts, their tables, and a link from every number to its incidents.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { FiltersQuery } from "~/components/insights/figure-link.tsx";
import { InsightsFilterForm } from "~/components/insights/filter-form.tsx";
import { Definitions } from "~/components/insights/definitions.tsx";
import { ActionItemsSection, CommsSection, PostmortemsOwedSection } from "~/components/insights/follow-up-section.tsx";
import { rangeLabel } from "~/components/insights/format.ts";
import { Headline } from "~/components/insights/headline.tsx";
import { IncidentsPerWeek, TimeToTables } from "~/components/insights/incident-sections.tsx";
import { SlaSection, UptimeSection } from "~/components/insights/uptime-section.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { dayOf } from "~/modules/insights/calendar.ts";
import { insightsPageData } from "~/modules/insights/page-data.ts";
import { loadInsightsForPage } from "~/modules/insights/page.server.ts";
import { DEFAULT_SLA_TARGET } from "~/modules/insights/query.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const url = new URL(request.url);
  const { insights, catalog, errors, query } = await loadInsightsForPage(url.searchParams);
  const { range } = insights;
  const shown = (key: string, fallback: string) => (key in errors ? (url.searchParams.get(key) ?? "") : (query.get(key) ?? fallback));
  return {
    data: insightsPageData(insights),
    errors,
    query: query.toString(),
    values: {
      from: shown("from", dayOf(new Date(range.from), range.timeZone)),
      to: shown("to", dayOf(new Date(Date.parse(range.to) - 1), range.timeZone)),
      severity: shown("severity", ""),
      component: shown("component", ""),
      sla: shown("sla", ""),
    },
    catalog: catalog.map((c) => ({ id: c.id, name: c.name, isGroup: c.isGroup, groupId: c.groupId })),
    now: new Date().toISOString(),
  };
});

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function Insights() {
  const { data, errors, query, values, catalog, now } = useLoaderData<typeof loader>();
  const csv = (table: string) => `/insights.csv?${new URLSearchParams([...new URLSearchParams(query), ["table", table]])}`;
  return (
    <FiltersQuery.Provider value={query}>
      <PageHeader title="Insights">
        <a
          href={csv("incidents")}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium no-underline hover:bg-slate-100"
          download
        >
          Download CSV: incidents
        </a>
        <a
          href={csv("uptime")}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium no-underline hover:bg-slate-100"
          download
        >
          Download CSV: uptime
        </a>
      </PageHeader>
      <InsightsFilterForm values={values} errors={errors} catalog={catalog} defaultSla={DEFAULT_SLA_TARGET} />
      {Object.keys(errors).length ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          Some filters could not be used and were left out; the figures below are without them.
        </p>
      ) : null}
      <p className="mb-4 text-sm text-slate-800">
        <strong>{rangeLabel(data.range)}</strong> ({data.range.timeZone}), incidents by when they started
        {data.filters.severity ? `, ${data.filters.severity} only` : ""}
        {data.filters.component ? `, affecting ${catalog.find((c) => c.id === data.filters.component)?.name ?? "one component"}` : ""};
        trends compare with the same length of time just before. Every number links to the incidents behind it. How each figure is worked
        out:{" "}
        <a href="#definitions" className="underline">
          definitions
        </a>
        .
      </p>
      <Headline data={data} />
      <Section id="incidents" title="Incidents">
        <IncidentsPerWeek weeks={data.incidentsPerWeek} />
      </Section>
      <Section id="response" title="Time to detect, acknowledge, mitigate and resolve">
        <TimeToTables timeTo={data.timeTo} />
      </Section>
      <Section id="uptime" title="Uptime">
        <UptimeSection uptime={data.uptime} />
      </Section>
      <Section id="sla" title="SLA by calendar month">
        <SlaSection uptime={data.uptime} sla={data.sla} />
      </Section>
      <Section id="action-items" title="Action items">
        <ActionItemsSection data={data} now={now} />
      </Section>
      <Section id="postmortems-owed" title="Post-mortems owed">
        <PostmortemsOwedSection postmortems={data.postmortems} />
      </Section>
      <Section id="comms" title="Communication">
        <CommsSection comms={data.comms} />
      </Section>
      <Section id="definitions" title="How the figures are worked out">
        <Definitions />
      </Section>
    </FiltersQuery.Provider>
  );
}

export const meta: MetaFunction = () => [{ title: "Insights · Incident Desk" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
