// POST /status/subscribe: the form at the foot of the public page. A resource route answering
// a whole document, so it works without the app's client script.
import type { ActionFunctionArgs } from "@remix-run/node";
import { SubscribeForm } from "~/components/status-page/subscribe-form.tsx";
import { CheckInbox } from "~/components/status-page/subscription-pages.tsx";
import { publicPageNow, subscriptionPage } from "~/modules/status-page/subscription-html.server.tsx";
import { requestSubscription } from "~/modules/subscribers/public.server.ts";
import { readForm } from "~/utils/form.server.ts";

export async function loader() {
  const page = await publicPageNow();
  return subscriptionPage(page, "Get notices by email", <SubscribeForm page={page} />);
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Only GET and POST are supported here.", { status: 405, headers: { Allow: "GET, POST" } });
  const result = await requestSubscription(await readForm(request));
  const page = await publicPageNow();
  if (!result.ok) return subscriptionPage(page, "Get notices by email", <SubscribeForm page={page} state={result} />, 422);
  return subscriptionPage(page, "Check your inbox", <CheckInbox page={page} email={result.email} />);
}
