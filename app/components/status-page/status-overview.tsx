// The /status page's content, top to bottom as a visitor scans it: the verdict, what is broken
// now, maintenance, every component with its uptime, then the last two weeks.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { ActiveIncidents } from "~/components/status-page/active-incidents.tsx";
import { Banner } from "~/components/status-page/banner.tsx";
import { ComponentList } from "~/components/status-page/component-list.tsx";
import { Maintenances } from "~/components/status-page/maintenances.tsx";
import { PastIncidents } from "~/components/status-page/past-incidents.tsx";

export function StatusOverview({ page }: { page: PublicPage }) {
  return (
    <>
      <h1 className="sr-only">{page.page.name} status</h1>
      <Banner page={page} />
      <ActiveIncidents page={page} />
      <Maintenances page={page} />
      <ComponentList page={page} />
      <PastIncidents page={page} />
    </>
  );
}
