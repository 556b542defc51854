// The unsubscribe link in every message posted to a reader's Slack hook (decision 0048). GET asks
// (a link unfurled or opened by a scanner changes nothing); POST unsubscribes at once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SlackUnsubscribed, SlackUnsubscribePrompt } from "~/components/status-page/slack-subscribe.tsx";
import { publicPageNow, subscriptionPage, unknownSubscriptionPage } from "~/public-site/subscription-pages.server.tsx";
import { slackHookByToken, unsubscribeSlackHook } from "~/modules/subscribers/slack-hooks.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ params }: LoaderFunctionArgs) {
  const page = await publicPageNow();
  const hook = await slackHookByToken(params.token);
  if (!hook) return unknownSubscriptionPage(page);
  if (hook.unsubscribedAt) return subscriptionPage(page, "Unsubscribed", <SlackUnsubscribed page={page} />);
  return subscriptionPage(page, "Unsubscribe", <SlackUnsubscribePrompt page={page} token={params.token!} />);
});

export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST")
    return new Response("Only GET and POST are supported here.", { status: 405, headers: { Allow: "GET, POST" } });
  const page = await publicPageNow();
  const hook = await unsubscribeSlackHook(params.token);
  if (!hook) return unknownSubscriptionPage(page);
  return subscriptionPage(page, "Unsubscribed", <SlackUnsubscribed page={page} />);
});
