// Unsubscribing. GET asks (a link opened by a scanner changes nothing); POST unsubscribes at
// once and answers 200, including the RFC 8058 one-click POST a mail client sends on its own
// ("List-Unsubscribe=One-Click", no cookies, no Origin): the token is all it takes.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { UnsubscribePrompt, Unsubscribed } from "~/components/status-page/subscription-pages.tsx";
import { publicPageNow, subscriptionPage, unknownSubscriptionPage } from "~/public-site/subscription-pages.server.tsx";
import { subscriptionFromLink } from "~/modules/subscribers/public.server.ts";
import { unsubscribe } from "~/modules/subscribers/subscribers.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ params }: LoaderFunctionArgs) {
  const page = await publicPageNow();
  const subscriber = await subscriptionFromLink(params.token);
  if (!subscriber) return unknownSubscriptionPage(page);
  if (subscriber.unsubscribedAt) return subscriptionPage(page, "Unsubscribed", <Unsubscribed page={page} subscriber={subscriber} />);
  return subscriptionPage(page, "Unsubscribe", <UnsubscribePrompt page={page} subscriber={subscriber} token={params.token!} />);
});

export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST")
    return new Response("Only GET and POST are supported here.", { status: 405, headers: { Allow: "GET, POST" } });
  const page = await publicPageNow();
  const known = await subscriptionFromLink(params.token);
  const subscriber = known ? await unsubscribe(params.token!) : null;
  if (!subscriber) return unknownSubscriptionPage(page);
  return subscriptionPage(page, "Unsubscribed", <Unsubscribed page={page} subscriber={subscriber} />);
});
