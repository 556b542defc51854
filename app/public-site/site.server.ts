// The public site rendered from one PublicPage: every path of the table at once (compressed off
// the main thread), each incident page when first asked for. The snapshot store
// (modules/status-page/store.server.ts) keeps the result and swaps it in whole.
import type { PublicPage } from "~/modules/status-page/model.ts";
import type { PublicFile, RenderedSite } from "~/modules/status-page/public-file.ts";
import { startStatusPage } from "~/modules/status-page/store.server.ts";
import { compressed } from "./public-file.server.ts";
import { INCIDENT_PAGE, PUBLIC_PATHS } from "./public-paths.server.ts";
import type { StatusAssets } from "./status-pages.server.tsx";

const SCRIPT_HREF = "/status-live.js";

export async function renderSite(page: PublicPage, assets: StatusAssets): Promise<RenderedSite> {
  const pending = Object.entries(PUBLIC_PATHS).map(([key, path]) => [key, path.render(page, assets)] as const);
  const done = await Promise.all(pending.map(([, plain]) => compressed(plain)));
  const files = new Map<string, PublicFile>(pending.map(([key], i) => [key, done[i]]));
  const incidentPages = new Map<string, PublicFile | null>();
  return {
    file(key) {
      const known = files.get(key);
      if (known) return known;
      const id = INCIDENT_PAGE.path.exec(key)?.[1];
      if (!id) return null;
      if (!incidentPages.has(id)) {
        const plain = INCIDENT_PAGE.render(page, id, assets);
        incidentPages.set(id, plain);
        // Served plain at once; the compressed copy takes over when it is ready.
        if (plain) void compressed(plain).then((ready) => incidentPages.set(id, ready));
      }
      return incidentPages.get(id) ?? null;
    },
  };
}

/** Builds the first snapshot with the app's stylesheet (hashed by the build) and keeps it current. */
export function startPublicSite(assets: { stylesheetHref: string }): Promise<void> {
  const all = { stylesheetHref: assets.stylesheetHref, scriptHref: SCRIPT_HREF };
  return startStatusPage((page) => renderSite(page, all));
}
