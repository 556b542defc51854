// The frame of every public status document: head, skip link, header with the page's name, the
// one <main> that status-live.js swaps on change, and the footer. No inline script, no handlers.
import type { ReactNode } from "react";
import type { PublicPage } from "~/modules/status-page/model.ts";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { StatusFooter, siteRoot } from "~/components/status-page/footer.tsx";
import { StatusHeader } from "~/components/status-page/status-header.tsx";

export type StatusAssets = { stylesheetHref: string; scriptHref: string };

export function StatusDocument({
  page,
  title,
  description,
  assets,
  children,
}: {
  page: PublicPage;
  title: string;
  description: string;
  assets: StatusAssets;
  children: ReactNode;
}) {
  const root = siteRoot(page);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        <link rel="stylesheet" href={assets.stylesheetHref} />
        <link rel="icon" href="data:," />
        <link rel="alternate" type="application/atom+xml" title={`${page.page.name} status – Atom`} href={`${root}/history.atom`} />
        <link rel="alternate" type="application/rss+xml" title={`${page.page.name} status – RSS`} href={`${root}/history.rss`} />
        <script src={assets.scriptHref} defer></script>
      </head>
      <body className="min-h-screen overflow-x-clip bg-slate-50 font-sans text-slate-900 antialiased print:bg-white print:text-black print:[&_a]:text-black">
        <a
          href="#status-main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:shadow"
        >
          Skip to content
        </a>
        <StatusHeader page={page} />
        <main id="status-main" className="mx-auto w-full max-w-3xl space-y-8 px-4 py-8 print:py-4">
          {children}
          <p className="text-xs text-slate-500 print:text-black">
            Page updated <EventTime at={page.page.updatedAt} timeZone={page.page.timeZone} />
          </p>
        </main>
        <StatusFooter page={page} />
      </body>
    </html>
  );
}
