// The components in display order: groups with their members, each with its current status in
// words and its 90-day uptime bars. A group is closed while all its members are operational and
// open as soon as one is not, so what is affected is in sight and the rest stays one line.
import type { PublicComponent, PublicPage } from "~/modules/status-page/model.ts";
import { StatusLabel } from "~/components/status-page/status-look.tsx";
import { UptimeBars, UptimePatterns } from "~/components/status-page/uptime-bars.tsx";

function ComponentRow({ page, component }: { page: PublicPage; component: PublicComponent }) {
  return (
    <li className="px-4 py-4 sm:px-5" data-component={component.id}>
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <h3 className="font-medium text-slate-900 print:text-black">{component.name}</h3>
        <StatusLabel status={component.status} />
      </div>
      {component.description && <p className="mt-0.5 text-sm text-slate-500 print:text-black">{component.description}</p>}
      <UptimeBars page={page} component={component} />
    </li>
  );
}

function ComponentGroup({ page, group, members }: { page: PublicPage; group: PublicComponent; members: PublicComponent[] }) {
  return (
    <li data-component={group.id}>
      <details open={members.some((m) => m.status !== "operational")} className="group/details">
        <summary className="flex cursor-pointer list-none flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-4 hover:bg-slate-50 sm:px-5 [&::-webkit-details-marker]:hidden">
          <span className="flex items-center gap-2">
            <svg
              viewBox="0 0 20 20"
              aria-hidden="true"
              className="size-4 text-slate-400 transition-transform group-open/details:rotate-90 print:hidden"
            >
              <path d="M7.5 5l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <h3 className="font-semibold text-slate-900 print:text-black">{group.name}</h3>
            <span className="text-sm text-slate-500 print:hidden">
              ({members.length} {members.length === 1 ? "component" : "components"})
            </span>
          </span>
          <StatusLabel status={group.status} />
        </summary>
        {group.description && (
          <p className="-mt-2 px-4 pb-2 text-sm text-slate-500 sm:px-5 sm:pl-11 print:text-black">{group.description}</p>
        )}
        <ul className="divide-y divide-slate-100 border-t border-slate-100 bg-slate-50/50 sm:pl-6">
          {members.map((member) => (
            <ComponentRow key={member.id} page={page} component={member} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function ComponentList({ page }: { page: PublicPage }) {
  const byId = new Map(page.components.map((c) => [c.id, c]));
  const topLevel = page.components.filter((c) => c.groupId === null);
  return (
    <section aria-labelledby="components-heading">
      <h2 id="components-heading" className="sr-only">
        Components
      </h2>
      <UptimePatterns />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm print:shadow-none">
        {topLevel.map((component) =>
          component.isGroup ? (
            <ComponentGroup
              key={component.id}
              page={page}
              group={component}
              members={component.memberIds.map((id) => byId.get(id)).filter((c): c is PublicComponent => c !== undefined)}
            />
          ) : (
            <ComponentRow key={component.id} page={page} component={component} />
          ),
        )}
      </ul>
    </section>
  );
}
