// The public status page, answered from memory. A snapshot holds the rendered bytes of every
// public path with their ETag; it is rebuilt when something public changes and swapped in
// whole, so a reader never sees half a publish. If the database stops answering, the last
// snapshot keeps being served. Nothing here touches the database per request.
import { createHash, randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { bus } from "~/modules/realtime/bus.server.ts";
import { env } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { singleton } from "~/utils/singleton.ts";
import { historyAtom, historyRss } from "./feeds.ts";
import { EMBED_RESIZE_SCRIPT } from "~/components/status-page/embed.tsx";
import { renderEmbed, renderHistoryPage, renderIncidentPage, renderStatusPage, renderUptimePage } from "./html.server.tsx";
import type { PublicPage } from "./model.ts";
import { loadPublicPage } from "./snapshot.server.ts";
import * as v2 from "./v2.ts";

export const CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=60, stale-if-error=86400";
const SCRIPT_HREF = "/status-live.js";
/** The status pages run one same-origin script and no inline code. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/**
 * The widget is the one page other sites may frame (STATUS_EMBED_ANCESTORS). It runs no script;
 * its self-sizing variant runs one inline script, allowed by its hash: a nonce would have to
 * change with every response, and these bytes are built once and served to every reader.
 */
const embedCsp = (script?: string) =>
  `default-src 'none'; style-src 'self'; img-src 'self' data:; ${script ? `script-src '${scriptHash(script)}'; ` : ""}` +
  `base-uri 'none'; form-action 'none'; frame-ancestors ${env().STATUS_EMBED_ANCESTORS}`;
const scriptHash = (script: string) => `sha256-${createHash("sha256").update(script, "utf8").digest("base64")}`;
/** The self-sizing widget's path in the snapshot (public-files.ts maps the query to it). */
export const EMBED_RESIZE_PATH = "/status/embed?resize=1";
const CHANNEL = "status-page";
/** The app's stylesheet (hashed by the build); set by startStatusPage, which the server calls. */
let stylesheetHref = "";
const instance = randomUUID();

export type PublicFile = {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  headers: Record<string, string>;
};

type Snapshot = {
  page: PublicPage;
  lastModified: string;
  files: Map<string, PublicFile>;
  /** incident pages are rendered on first request and kept with this snapshot */
  incidentPages: Map<string, PublicFile | null>;
};

const JSON_PATHS: Record<string, (page: PublicPage) => unknown> = {
  "/api/v2/summary.json": v2.summaryJson,
  "/api/v2/status.json": v2.statusJson,
  "/api/v2/components.json": v2.componentsJson,
  "/api/v2/incidents.json": v2.incidentsJson,
  "/api/v2/incidents/unresolved.json": v2.unresolvedIncidentsJson,
  "/api/v2/scheduled-maintenances.json": v2.maintenancesJson,
  "/api/v2/scheduled-maintenances/upcoming.json": v2.upcomingMaintenancesJson,
  "/api/v2/scheduled-maintenances/active.json": v2.activeMaintenancesJson,
};

const gzip = promisify(gzipCallback);

function file(body: string, contentType: string, lastModified: string, extra: Record<string, string> = {}): PublicFile {
  const bytes = Buffer.from(body, "utf8");
  const etag = `"${createHash("sha1").update(bytes).digest("base64url")}"`;
  return {
    body: bytes,
    gzip: null,
    etag,
    headers: { "Content-Type": contentType, "Cache-Control": CACHE_CONTROL, "Last-Modified": lastModified, ETag: etag, Vary: "Accept-Encoding", ...extra },
  };
}

/** Compression runs on libuv's thread pool, so readers are served while a snapshot is built. */
async function compressed(plain: PublicFile): Promise<PublicFile> {
  return plain.body.length > 1024 ? { ...plain, gzip: await gzip(plain.body, { level: 6 }) } : plain;
}

const CORS = { "Access-Control-Allow-Origin": "*" };
const html = (body: string, lastModified: string) => file(body, "text/html; charset=utf-8", lastModified, { "Content-Security-Policy": PAGE_CSP });

async function build(page: PublicPage): Promise<Snapshot> {
  const lastModified = page.page.updatedAt.toUTCString();
  const assets = { stylesheetHref, scriptHref: SCRIPT_HREF };
  const pending: [string, PublicFile][] = [];
  for (const [path, toJson] of Object.entries(JSON_PATHS)) {
    pending.push([path, file(JSON.stringify(toJson(page)), "application/json; charset=utf-8", lastModified, CORS)]);
  }
  pending.push(["/history.atom", file(historyAtom(page), "application/atom+xml; charset=utf-8", lastModified, CORS)]);
  pending.push(["/history.rss", file(historyRss(page), "application/rss+xml; charset=utf-8", lastModified, CORS)]);
  pending.push(["/status", html(renderStatusPage(page, assets), lastModified)]);
  pending.push(["/status/history", html(renderHistoryPage(page, assets), lastModified)]);
  pending.push(["/status/uptime", html(renderUptimePage(page, assets), lastModified)]);
  pending.push(["/status/embed", file(renderEmbed(page, assets), "text/html; charset=utf-8", lastModified, { "Content-Security-Policy": embedCsp() })]);
  pending.push([
    EMBED_RESIZE_PATH,
    file(renderEmbed(page, assets, { resize: true }), "text/html; charset=utf-8", lastModified, {
      "Content-Security-Policy": embedCsp(EMBED_RESIZE_SCRIPT),
    }),
  ]);
  const files = new Map<string, PublicFile>();
  const done = await Promise.all(pending.map(([, plain]) => compressed(plain)));
  pending.forEach(([path], i) => files.set(path, done[i]));
  return { page, lastModified, files, incidentPages: new Map() };
}

type Store = { current: Snapshot | null; running: Promise<void> | null; again: boolean; unsubscribe: (() => void) | null };
const store = singleton<Store>("statusPage", () => ({ current: null, running: null, again: false, unsubscribe: null }));

async function rebuild(): Promise<void> {
  const started = performance.now();
  const page = await loadPublicPage();
  store.current = await build(page);
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

/** Builds the first snapshot and follows other instances' publishes. */
export async function startStatusPage(assets: { stylesheetHref: string }): Promise<void> {
  stylesheetHref = assets.stylesheetHref;
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

/** The public file for a path, or null when the path is not a public one (or no such incident). */
export function publicFile(path: string): PublicFile | null {
  const snapshot = store.current;
  if (!snapshot) return null;
  const normal = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const known = snapshot.files.get(normal);
  if (known) return known;
  const match = /^\/status\/incidents\/([0-9a-z]{12})$/.exec(normal);
  if (!match) return null;
  const id = match[1];
  if (!snapshot.incidentPages.has(id)) {
    const body = renderIncidentPage(snapshot.page, id, { stylesheetHref, scriptHref: SCRIPT_HREF });
    const plain = body === null ? null : html(body, snapshot.lastModified);
    snapshot.incidentPages.set(id, plain);
    // Served plain at once; the compressed copy takes over when it is ready.
    if (plain) void compressed(plain).then((ready) => snapshot.incidentPages.set(id, ready));
  }
  return snapshot.incidentPages.get(id) ?? null;
}
