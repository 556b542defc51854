// The embeddable status widget (/status/embed): the one-line verdict and the open incidents,
// small enough for an <iframe> on a product's own site or help centre. The only public page
// other sites may frame; every link opens the full status page in a new tab. No script.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { Banner } from "~/components/status-page/banner.tsx";
import { eventHref, ImpactTag, isUnresolved } from "~/components/status-page/event-parts.tsx";

const SHOWN_INCIDENTS = 3;

export function StatusEmbed({ page, stylesheetHref }: { page: PublicPage; stylesheetHref: string }) {
  const open = page.incidents.filter(isUnresolved);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${page.page.name} Status`}</title>
        <link rel="stylesheet" href={stylesheetHref} />
        <link rel="icon" href="data:," />
      </head>
      <body className="bg-white p-2 font-sans text-slate-900 antialiased">
        <main className="space-y-2">
          <Banner page={page} />
          {open.length > 0 ? (
            <ul aria-label="Open incidents" className="space-y-1 text-sm">
              {open.slice(0, SHOWN_INCIDENTS).map((incident) => (
                <li key={incident.id} className="flex flex-wrap items-center gap-2">
                  <a href={eventHref(page, incident)} target="_blank" rel="noopener" className="font-medium">
                    {incident.name}
                  </a>
                  <ImpactTag event={incident} />
                </li>
              ))}
              {open.length > SHOWN_INCIDENTS ? <li className="text-slate-600">and {open.length - SHOWN_INCIDENTS} more</li> : null}
            </ul>
          ) : null}
          <p className="text-sm">
            <a href={page.page.url} target="_blank" rel="noopener">
              {page.page.name} status page
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
