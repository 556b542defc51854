// The public status page, answered from memory. A snapshot holds what the public sees (the
// PublicPage) and what the public site rendered from it (app/public-site: the bytes of every public
// path with their ETag); it is rebuilt when something public changes and swapped in whole, so a
// reader never sees half a publish. If the database stops answering, the last snapshot keeps being
// served. Nothing here touches the database per request, and nothing here renders: the public site
// gives its renderer to startStatusPage (without one, as in command-line tools, only the page is kept).
import { randomUUID } from "node:crypto";
import { bus } from "~/modules/realtime/bus.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { singleton } from "~/utils/singleton.ts";
import type { PublicPage } from "./model.ts";
import type { PublicFile, RenderedSite } from "./public-file.ts";
import { loadPublicPage } from "./snapshot.server.ts";

const CHANNEL = "status-page";
const instance = randomUUID();

type Snapshot = { page: PublicPage; site: RenderedSite | null };
type Renderer = (page: PublicPage) => Promise<RenderedSite>;

type Store = {
  current: Snapshot | null;
  running: Promise<void> | null;
  again: boolean;
  unsubscribe: (() => void) | null;
  render: Renderer | null;
};
const store = singleton<Store>("statusPage", () => ({ current: null, running: null, again: false, unsubscribe: null, render: null }));

async function rebuild(): Promise<void> {
  const started = performance.now();
  const page = await loadPublicPage();
  store.current = { page, site: store.render ? await store.render(page) : null };
  logger.debug({ ms: Math.round(performance.now() - started) }, "status page snapshot rebuilt");
}

/**
 * Rebuilds the snapshot from the database; resolves once a rebuild that started after this
 * call has finished (calls during a rebuild share one more). Tells the other instances.
 */
export async function refreshStatusPage(options: { announce?: boolean } = {}): Promise<void> {
  await rebuildSoon();
  if (options.announce !== false) await bus.publish(CHANNEL, instance).catch(() => {});
}

function rebuildSoon(): Promise<void> {
  if (store.running) {
    // The running loop goes round once more, so what changed by now is in the result.
    store.again = true;
    return store.running;
  }
  store.running = (async () => {
    try {
      do {
        store.again = false;
        await rebuild();
      } while (store.again);
    } finally {
      store.running = null;
    }
  })();
  return store.running;
}

/** Builds the first snapshot with the public site's renderer and follows other instances' publishes. */
export async function startStatusPage(render: Renderer): Promise<void> {
  store.render = render;
  await rebuildSoon();
  store.unsubscribe?.();
  store.unsubscribe = bus.subscribe(CHANNEL, (from) => {
    if (from === instance) return;
    rebuildSoon().catch((error) => logger.error({ err: error }, "status page rebuild failed; serving the last snapshot"));
  });
}

export function stopStatusPage(): void {
  store.unsubscribe?.();
  store.unsubscribe = null;
}

/** The snapshot's data, for code that needs what the public sees (tests, the scheduler). */
export function currentPublicPage(): PublicPage | null {
  return store.current?.page ?? null;
}

/** The public file for a table key (app/public-site/public-paths.server.ts), or null (not built, no such incident). */
export function publicFile(key: string): PublicFile | null {
  return store.current?.site?.file(key) ?? null;
}
