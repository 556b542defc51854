// The public site's front door: every public path and what renders it, in one table. The
// snapshot is built from this table (site.server.ts) and the fast path in front of Express
// (server/public-files.ts) asks publicPathKey, which reads the same table, so the two cannot
// disagree. A path here is answered from memory; anything else under /status (the subscription
// pages, the public 404) is a route in app/routes/status.*.tsx (decision 0055).
import { EMBED_RESIZE_SCRIPT } from "~/components/status-page/embed.tsx";
import type { PublicPage } from "~/modules/status-page/model.ts";
import type { PublicFile } from "~/modules/status-page/public-file.ts";
import * as v2 from "~/modules/status-page/v2.ts";
import { historyAtom, historyRss } from "./feeds.server.ts";
import { feedFile, htmlFile, jsonFile, widgetFile } from "./public-file.server.ts";
import {
  renderEmbed,
  renderHistoryPage,
  renderIncidentPage,
  renderStatusPage,
  renderUptimePage,
  type StatusAssets,
} from "./status-pages.server.tsx";

type PublicPath = {
  /** read by other sites' scripts: open to any origin, and a preflight is answered */
  openToAllOrigins: boolean;
  render: (page: PublicPage, assets: StatusAssets) => PublicFile;
};

const page = (render: (page: PublicPage, assets: StatusAssets) => string): PublicPath => ({
  openToAllOrigins: false,
  render: (p, assets) => htmlFile(render(p, assets), p),
});
const api = (toJson: (page: PublicPage) => unknown): PublicPath => ({ openToAllOrigins: true, render: (p) => jsonFile(toJson(p), p) });
const feed = (toXml: (page: PublicPage) => string, contentType: string): PublicPath => ({
  openToAllOrigins: true,
  render: (p) => feedFile(toXml(p), contentType, p),
});

/** The self-sizing widget's key: the one public answer that depends on the query (`?resize=1`). */
export const EMBED_RESIZE_KEY = "/status/embed?resize=1";

/** Every public path built into each snapshot, with its renderer. */
export const PUBLIC_PATHS = {
  "/status": page(renderStatusPage),
  "/status/history": page(renderHistoryPage),
  "/status/uptime": page(renderUptimePage),
  "/status/embed": { openToAllOrigins: false, render: (p, assets) => widgetFile(renderEmbed(p, assets), p) },
  [EMBED_RESIZE_KEY]: {
    openToAllOrigins: false,
    render: (p, assets) => widgetFile(renderEmbed(p, assets, { resize: true }), p, EMBED_RESIZE_SCRIPT),
  },
  "/api/v2/summary.json": api(v2.summaryJson),
  "/api/v2/status.json": api(v2.statusJson),
  "/api/v2/components.json": api(v2.componentsJson),
  "/api/v2/incidents.json": api(v2.incidentsJson),
  "/api/v2/incidents/unresolved.json": api(v2.unresolvedIncidentsJson),
  "/api/v2/scheduled-maintenances.json": api(v2.maintenancesJson),
  "/api/v2/scheduled-maintenances/upcoming.json": api(v2.upcomingMaintenancesJson),
  "/api/v2/scheduled-maintenances/active.json": api(v2.activeMaintenancesJson),
  "/history.atom": feed(historyAtom, "application/atom+xml; charset=utf-8"),
  "/history.rss": feed(historyRss, "application/rss+xml; charset=utf-8"),
} satisfies Record<string, PublicPath>;

/**
 * The page of each published incident or maintenance (/status/incidents/:id), rendered on first
 * request and kept with its snapshot; null when no published event has this id.
 */
export const INCIDENT_PAGE = {
  path: /^\/status\/incidents\/([0-9a-z]{12})$/,
  render: (page: PublicPage, id: string, assets: StatusAssets): PublicFile | null => {
    const body = renderIncidentPage(page, id, assets);
    return body === null ? null : htmlFile(body, page);
  },
};

const RESIZE = /(?:^|&)resize=1(?:&|$)/;

/**
 * The key of a request's path (and query) in the table, or null when it is not a public path
 * and the app answers it. Pages under /status may end in slashes; the API and feeds may not.
 */
export function publicPathKey(path: string, query = ""): string | null {
  const normal = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (normal !== path && !normal.startsWith("/status")) return null;
  if (normal === "/status/embed" && RESIZE.test(query)) return EMBED_RESIZE_KEY;
  if (Object.hasOwn(PUBLIC_PATHS, normal) || INCIDENT_PAGE.path.test(normal)) return normal;
  return null;
}

/** Whether the key's answer is open to other sites (the API and the feeds). */
export function openToAllOrigins(key: string): boolean {
  return Object.hasOwn(PUBLIC_PATHS, key) && PUBLIC_PATHS[key as keyof typeof PUBLIC_PATHS].openToAllOrigins;
}
