// The public subscription pages as whole HTML documents, answered by resource routes: no
// Remix client script, so they read the same with JavaScript off and in a mail client's
// browser. Nothing on them may be cached: they carry a subscriber's address.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import stylesheetHref from "~/styles.css?url";
import { SubscriptionDocument } from "~/components/status-page/subscription-document.tsx";
import { UnknownSubscription } from "~/components/status-page/subscription-pages.tsx";
import type { PublicPage } from "./model.ts";
import { loadPublicPage } from "./snapshot.server.ts";
import { currentPublicPage } from "./store.server.ts";

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
