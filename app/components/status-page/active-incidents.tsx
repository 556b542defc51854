// What is broken now: every unresolved incident with all its updates, newest first.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { AffectedComponents, EventTitle, ImpactTag, isUnresolved } from "~/components/status-page/event-parts.tsx";
import { UpdateList } from "~/components/status-page/update-list.tsx";

const IMPACT_BORDER = {
  none: "border-t-slate-400",
  minor: "border-t-yellow-400",
  major: "border-t-orange-500",
  critical: "border-t-red-600",
} as const;

export function ActiveIncidents({ page }: { page: PublicPage }) {
  const active = page.incidents.filter(isUnresolved);
  if (active.length === 0) return null;
  return (
    <section aria-labelledby="active-incidents-heading" className="space-y-4">
      <h2 id="active-incidents-heading" className="sr-only">
        Active incidents
      </h2>
      {active.map((incident) => (
        <article
          key={incident.id}
          data-incident={incident.id}
          className={`rounded-lg border border-t-4 border-slate-200 bg-white shadow-sm print:break-inside-avoid print:border-black print:shadow-none ${IMPACT_BORDER[incident.impact]}`}
        >
          <header className="space-y-1 border-b border-slate-100 px-4 py-3 sm:px-5">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <EventTitle page={page} event={incident} as="h3" className="text-lg" />
              <ImpactTag event={incident} />
            </div>
            <AffectedComponents page={page} ids={incident.componentIds} />
          </header>
          <UpdateList updates={incident.updates} timeZone={page.page.timeZone} className="px-4 sm:px-5" />
        </article>
      ))}
    </section>
  );
}
