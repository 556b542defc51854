// The link in the confirmation email. GET only shows a button: mail scanners open links, and
// a subscription must be confirmed by the person, not by their spam filter.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Confirmed, ConfirmPrompt, Unsubscribed } from "~/components/status-page/subscription-pages.tsx";
import { publicPageNow, subscriptionPage, unknownSubscriptionPage } from "~/public-site/subscription-pages.server.tsx";
import { subscriptionFromLink } from "~/modules/subscribers/public.server.ts";
import { confirmSubscription } from "~/modules/subscribers/subscribers.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ params }: LoaderFunctionArgs) {
  const page = await publicPageNow();
  const subscriber = await subscriptionFromLink(params.token);
  if (!subscriber) return unknownSubscriptionPage(page);
  const token = params.token!;
  if (subscriber.unsubscribedAt) return subscriptionPage(page, "Unsubscribed", <Unsubscribed page={page} subscriber={subscriber} />);
  if (subscriber.confirmedAt)
    return subscriptionPage(page, "Subscription confirmed", <Confirmed page={page} subscriber={subscriber} token={token} />);
  return subscriptionPage(page, "Confirm your subscription", <ConfirmPrompt page={page} subscriber={subscriber} token={token} />);
});

export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST")
    return new Response("Only GET and POST are supported here.", { status: 405, headers: { Allow: "GET, POST" } });
  const page = await publicPageNow();
  const known = await subscriptionFromLink(params.token);
  if (!known) return unknownSubscriptionPage(page);
  if (known.unsubscribedAt) return subscriptionPage(page, "Unsubscribed", <Unsubscribed page={page} subscriber={known} />);
  const subscriber = (await confirmSubscription(params.token!)) ?? known;
  return subscriptionPage(page, "Subscription confirmed", <Confirmed page={page} subscriber={subscriber} token={params.token!} />);
});
