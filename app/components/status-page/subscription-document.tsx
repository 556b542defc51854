// The frame of the subscription pages (subscribe answer, confirm, manage, unsubscribe): the
// status page's look without its live script, since these pages are answers, not a feed.
import type { ReactNode } from "react";
import type { PublicPage } from "~/modules/status-page/model.ts";
import { StatusHeader } from "~/components/status-page/status-header.tsx";

export function SubscriptionDocument({
  page,
  title,
  stylesheetHref,
  children,
}: {
  page: PublicPage;
  title: string;
  stylesheetHref: string;
  children: ReactNode;
}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${page.page.name} Status`}</title>
        <link rel="stylesheet" href={stylesheetHref} />
        <link rel="icon" href="data:," />
      </head>
      <body className="min-h-screen overflow-x-clip bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#status-main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:shadow"
        >
          Skip to content
        </a>
        <StatusHeader page={page} subscribe={false} />
        <main id="status-main" className="mx-auto w-full max-w-3xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto w-full max-w-3xl px-4 pb-10 text-xs text-slate-500">
          {page.page.name} status · <a href={page.page.url}>{page.page.url}</a>
        </footer>
      </body>
    </html>
  );
}

/** A white card with a heading, as the status page draws its sections. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="panel-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h1 id="panel-heading" className="text-xl font-semibold text-slate-900">
        {title}
      </h1>
      <div className="mt-3 space-y-3 text-sm text-slate-700">{children}</div>
    </section>
  );
}

export function PrimaryButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
      {children}
    </button>
  );
}
