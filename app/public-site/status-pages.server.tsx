// The public status documents as complete HTML strings, rendered once per publish and served
// from memory: static markup, no hydration; the only script is public/status-live.js.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { PublicPage } from "~/modules/status-page/model.ts";
import { pageStatus } from "~/modules/status-page/indicator.ts";
import { StatusDocument, type StatusAssets } from "~/components/status-page/document.tsx";
import { StatusEmbed } from "~/components/status-page/embed.tsx";
import { HistoryList } from "~/components/status-page/history-list.tsx";
import { IncidentDetail } from "~/components/status-page/incident-detail.tsx";
import { StatusOverview } from "~/components/status-page/status-overview.tsx";
import { UptimeMethod } from "~/components/status-page/uptime-method.tsx";

export type { StatusAssets };

function toDocument(element: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

export function renderStatusPage(page: PublicPage, assets: StatusAssets): string {
  const status = pageStatus(page);
  return toDocument(
    <StatusDocument page={page} title={`${page.page.name} Status`} description={`${page.page.name}: ${status.description}`} assets={assets}>
      <StatusOverview page={page} />
    </StatusDocument>,
  );
}

/** An incident or maintenance with all its updates; null when no published event has this id. */
export function renderIncidentPage(page: PublicPage, eventId: string, assets: StatusAssets): string | null {
  const event = page.incidents.find((i) => i.id === eventId) ?? page.maintenances.find((m) => m.id === eventId);
  if (!event) return null;
  return toDocument(
    <StatusDocument
      page={page}
      title={`${event.name} · ${page.page.name} Status`}
      description={`${page.page.name} status: ${event.name}`}
      assets={assets}
    >
      <IncidentDetail page={page} event={event} />
    </StatusDocument>,
  );
}

export function renderHistoryPage(page: PublicPage, assets: StatusAssets): string {
  return toDocument(
    <StatusDocument
      page={page}
      title={`Incident history · ${page.page.name} Status`}
      description={`Past incidents and maintenance of ${page.page.name}`}
      assets={assets}
    >
      <HistoryList page={page} />
    </StatusDocument>,
  );
}

export function renderUptimePage(page: PublicPage, assets: StatusAssets): string {
  return toDocument(
    <StatusDocument
      page={page}
      title={`How uptime is computed · ${page.page.name} Status`}
      description={`How ${page.page.name} computes the uptime it shows`}
      assets={assets}
    >
      <UptimeMethod page={page} />
    </StatusDocument>,
  );
}

/** The widget other sites may frame (/status/embed); `resize`: the variant that posts its height to its host. */
export function renderEmbed(page: PublicPage, assets: StatusAssets, options: { resize?: boolean } = {}): string {
  return toDocument(<StatusEmbed page={page} stylesheetHref={assets.stylesheetHref} resize={options.resize} />);
}
