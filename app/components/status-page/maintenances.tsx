// Maintenance running now and maintenance to come: the window in the page's zone and UTC,
// what it touches, and the latest word on it.
import type { PublicMaintenance, PublicPage } from "~/modules/status-page/model.ts";
import { AffectedComponents, EventTitle, MaintenanceWindow } from "~/components/status-page/event-parts.tsx";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { Icon } from "~/components/status-page/status-look.tsx";
import { EVENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { UpdateBody } from "~/components/status-page/update-body.tsx";

export function activeMaintenances(page: PublicPage): PublicMaintenance[] {
  return page.maintenances
    .filter((m) => m.status === "in_progress" || m.status === "verifying")
    .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
}

export function upcomingMaintenances(page: PublicPage): PublicMaintenance[] {
  const now = page.generatedAt.getTime();
  return page.maintenances
    .filter((m) => m.status === "scheduled" && m.scheduledUntil.getTime() > now)
    .sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
}

function MaintenanceCard({ page, maintenance, active }: { page: PublicPage; maintenance: PublicMaintenance; active: boolean }) {
  const latest = maintenance.updates[0];
  const timeZone = page.page.timeZone;
  return (
    <article
      data-maintenance={maintenance.id}
      className={`space-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm sm:px-5 print:break-inside-avoid print:border-black print:shadow-none ${active ? "border-t-4 border-t-blue-500" : ""}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <EventTitle page={page} event={maintenance} as="h3" className="text-lg" />
        <span className="inline-flex items-center gap-1.5 text-sm font-medium text-blue-700 print:text-black">
          <Icon shape="clock" className="size-4" />
          {EVENT_STATUS_LABELS[maintenance.status]}
        </span>
      </div>
      <MaintenanceWindow maintenance={maintenance} timeZone={timeZone} />
      <AffectedComponents page={page} ids={maintenance.componentIds} />
      {latest && (
        <div className="border-t border-slate-100 pt-2 text-slate-800 print:text-black">
          <UpdateBody body={latest.body} status={latest.status} />
          <p className="mt-1 text-xs text-slate-500 print:text-black">
            {EVENT_STATUS_LABELS[latest.status]} · Posted <EventTime at={latest.displayAt} timeZone={timeZone} />
          </p>
        </div>
      )}
    </article>
  );
}

export function Maintenances({ page }: { page: PublicPage }) {
  const active = activeMaintenances(page);
  const upcoming = upcomingMaintenances(page);
  if (active.length === 0 && upcoming.length === 0) return null;
  return (
    <section aria-labelledby="maintenance-heading" className="space-y-3">
      <h2 id="maintenance-heading" className="text-base font-semibold text-slate-900 print:text-black">
        Scheduled maintenance
      </h2>
      {active.map((m) => (
        <MaintenanceCard key={m.id} page={page} maintenance={m} active />
      ))}
      {upcoming.map((m) => (
        <MaintenanceCard key={m.id} page={page} maintenance={m} active={false} />
      ))}
    </section>
  );
}
