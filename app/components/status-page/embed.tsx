// The embeddable status widget (/status/embed): the one-line verdict and the open incidents,
// small enough for an <iframe> on a product's own site or help centre. Compact by design: at most
// two incident lines, each one line long, so it fits an iframe of the default size (300 × 150)
// and a host needs to set no height. The only public page other sites may frame; every link opens
// the full status page in a new tab. No script, except in the opt-in variant
// (/status/embed?resize=1) that tells its host its height (decision 0035).
import type { PublicPage } from "~/modules/status-page/model.ts";
import { pageStatus } from "~/modules/status-page/indicator.ts";
import { eventHref, isUnresolved } from "~/components/status-page/event-parts.tsx";
import { IndicatorIcon, IMPACT_TEXT, indicatorBannerClass } from "~/components/status-page/status-look.tsx";

const SHOWN_INCIDENTS = 2;

const IMPACT_SHORT = { none: "No impact", minor: "Minor", major: "Major", critical: "Critical" } as const;

/** What a host hears from /status/embed?resize=1: `{type: "incident-desk:height", height}` (CSS pixels) on every change. */
export const EMBED_HEIGHT_MESSAGE = "incident-desk:height";

/** The variant's one script; the widget's CSP allows exactly this text by its hash (app/public-site/public-file.server.ts). */
export const EMBED_RESIZE_SCRIPT =
  "(function(){var last=0;function send(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);" +
  `if(h===last||window.parent===window)return;last=h;window.parent.postMessage({type:"${EMBED_HEIGHT_MESSAGE}",height:h},"*");}` +
  'if(window.ResizeObserver)new ResizeObserver(send).observe(document.documentElement);window.addEventListener("load",send);send();})();';

export function StatusEmbed({ page, stylesheetHref, resize = false }: { page: PublicPage; stylesheetHref: string; resize?: boolean }) {
  const open = page.incidents.filter(isUnresolved);
  const status = pageStatus(page);
  const banner = indicatorBannerClass(status.indicator);
  return (
    <html lang="en" className="bg-white">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${page.page.name} Status`}</title>
        <meta name="description" content={`${page.page.name}: ${status.description}`} />
        <link rel="stylesheet" href={stylesheetHref} />
        <link rel="icon" href="data:," />
      </head>
      <body className="bg-white font-sans text-slate-900 antialiased">
        <main className="space-y-1 p-1.5 text-sm" data-indicator={status.indicator}>
          <a
            href={page.page.url}
            target="_blank"
            rel="noopener"
            className={`flex items-center gap-2 rounded-md px-3 py-2 font-semibold no-underline hover:no-underline ${banner}`}
          >
            <IndicatorIcon indicator={status.indicator} className="size-5" />
            <span className="min-w-0 truncate">{status.description}</span>
          </a>
          {open.length > 0 ? (
            <ul aria-label="Open incidents" className="space-y-0.5 px-1">
              {open.slice(0, SHOWN_INCIDENTS).map((incident) => (
                <li key={incident.id} className="flex items-baseline gap-2">
                  <a href={eventHref(page, incident)} target="_blank" rel="noopener" className="min-w-0 truncate font-medium">
                    {incident.name}
                  </a>
                  <span className={`shrink-0 text-xs font-medium ${IMPACT_TEXT[incident.impact]}`}>{IMPACT_SHORT[incident.impact]}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="truncate px-1 text-xs text-slate-600">
            {open.length > SHOWN_INCIDENTS ? `and ${open.length - SHOWN_INCIDENTS} more · ` : ""}
            <a href={page.page.url} target="_blank" rel="noopener">
              {page.page.name} status page
            </a>
          </p>
        </main>
        {resize ? <script dangerouslySetInnerHTML={{ __html: EMBED_RESIZE_SCRIPT }} /> : null}
      </body>
    </html>
  );
}
