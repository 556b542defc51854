// The public subscription pages (and the public 404) as whole HTML documents, answered by
// resource routes: no Remix client script, so they read the same with JavaScript off and in a
// mail client's browser. Nothing on them may be cached: they carry a subscriber's address.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import stylesheetHref from "~/styles.css?url";
import { SubscriptionDocument } from "~/components/status-page/subscription-document.tsx";
import { PublicNotFound, UnknownSubscription } from "~/components/status-page/subscription-pages.tsx";
import type { PublicPage } from "~/modules/status-page/model.ts";
import { loadPublicPage } from "~/modules/status-page/snapshot.server.ts";
import { currentPublicPage } from "~/modules/status-page/store.server.ts";

/** What the public sees now; the snapshot, unless it has not been built yet. */
export async function publicPageNow(): Promise<PublicPage> {
  return currentPublicPage() ?? (await loadPublicPage());
}

export function subscriptionPage(page: PublicPage, title: string, body: ReactElement, status = 200): Response {
  const html = `<!doctype html>${renderToStaticMarkup(
    <SubscriptionDocument page={page} title={title} stylesheetHref={stylesheetHref}>
      {body}
    </SubscriptionDocument>,
  )}`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export function unknownSubscriptionPage(page: PublicPage): Response {
  return subscriptionPage(page, "Link not found", <UnknownSubscription page={page} />, 404);
}

/** A path under /status that is not a page: the status page's frame with a way back. */
export function publicNotFoundPage(page: PublicPage): Response {
  return subscriptionPage(page, "Page not found", <PublicNotFound page={page} />, 404);
}
