// POST /status/subscribe/slack: a reader's Slack incoming webhook (decision 0048). Like the email
// form: a whole document, no script needed, limited per client (429), the same answer whether
// the hook was known (decision 0033); a URL not under SLACK_HOOKS_BASE_URL is 422 naming the field.
import type { ActionFunctionArgs } from "@remix-run/node";
import { CheckSlack, SlackSubscribeForm } from "~/components/status-page/slack-subscribe.tsx";
import { TooManySubscribeRequests } from "~/components/status-page/subscription-pages.tsx";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { publicPageNow, subscriptionPage } from "~/public-site/subscription-pages.server.tsx";
import { requestSlackSubscription } from "~/modules/subscribers/slack-hooks.server.ts";
import { env } from "~/utils/env.server.ts";
import { readForm } from "~/utils/form.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const TITLE = "Get notices in Slack";

export const loader = pageLoader(async function loader() {
  const page = await publicPageNow();
  return subscriptionPage(page, TITLE, <SlackSubscribeForm page={page} hooksBase={env().SLACK_HOOKS_BASE_URL} />);
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST")
    return new Response("Only GET and POST are supported here.", { status: 405, headers: { Allow: "GET, POST" } });
  const result = await requestSlackSubscription(await readForm(request), clientAddress(request));
  const page = await publicPageNow();
  if (!result.ok && "limited" in result) {
    const answer = subscriptionPage(
      page,
      "Too many requests",
      <TooManySubscribeRequests page={page} message={result.limited.message} />,
      429,
    );
    answer.headers.set("Retry-After", result.limited.headers["Retry-After"]);
    return answer;
  }
  if (!result.ok)
    return subscriptionPage(page, TITLE, <SlackSubscribeForm page={page} hooksBase={env().SLACK_HOOKS_BASE_URL} state={result} />, 422);
  return subscriptionPage(page, "Look in your Slack channel", <CheckSlack page={page} />);
});
