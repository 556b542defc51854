// POST /status/subscribe: the form at the foot of the public page. A resource route answering
// a whole document, so it works without the app's client script. Limited per client and per email
// address (429 past them); the same answer, in the same time, for every address (decision 0033).
import type { ActionFunctionArgs } from "@remix-run/node";
import { SlackSubscribeForm } from "~/components/status-page/slack-subscribe.tsx";
import { SubscribeForm } from "~/components/status-page/subscribe-form.tsx";
import { CheckInbox, TooManySubscribeRequests } from "~/components/status-page/subscription-pages.tsx";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { publicPageNow, subscriptionPage } from "~/public-site/subscription-pages.server.tsx";
import { requestSubscription } from "~/modules/subscribers/public.server.ts";
import { env } from "~/utils/env.server.ts";
import { readForm } from "~/utils/form.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";
import type { PublicPage } from "~/modules/status-page/model.ts";

/** Both ways to get notices: email, and a Slack channel (decision 0048). */
function BothForms({ page, email }: { page: PublicPage; email?: Parameters<typeof SubscribeForm>[0]["state"] }) {
  return (
    <div className="space-y-4">
      <SubscribeForm page={page} state={email} />
      <SlackSubscribeForm page={page} hooksBase={env().SLACK_HOOKS_BASE_URL} />
    </div>
  );
}

export const loader = pageLoader(async function loader() {
  const page = await publicPageNow();
  return subscriptionPage(page, "Get notices by email", <BothForms page={page} />);
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST")
    return new Response("Only GET and POST are supported here.", { status: 405, headers: { Allow: "GET, POST" } });
  const result = await requestSubscription(await readForm(request), clientAddress(request));
  const page = await publicPageNow();
  if (!result.ok && "limited" in result) {
    const explained = <TooManySubscribeRequests page={page} message={result.limited.message} />;
    const answer = subscriptionPage(page, "Too many requests", explained, 429);
    answer.headers.set("Retry-After", result.limited.headers["Retry-After"]);
    return answer;
  }
  if (!result.ok) return subscriptionPage(page, "Get notices by email", <BothForms page={page} email={result} />, 422);
  return subscriptionPage(page, "Check your inbox", <CheckInbox page={page} email={result.email} />);
});
