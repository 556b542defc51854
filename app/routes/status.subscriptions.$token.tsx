// The "manage" link in every notice: which components, or unsubscribe. No sign-in: the
// token in the link is the subscriber's key.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ManageSubscription } from "~/components/status-page/subscription-pages.tsx";
import { publicPageNow, subscriptionPage, unknownSubscriptionPage } from "~/public-site/subscription-pages.server.tsx";
import { subscriptionFromLink } from "~/modules/subscribers/public.server.ts";
import { PreferencesSchema } from "~/modules/subscribers/schemas.ts";
import { setPreferences } from "~/modules/subscribers/subscribers.server.ts";
import { readForm } from "~/utils/form.server.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ params }: LoaderFunctionArgs) {
  const page = await publicPageNow();
  const subscriber = await subscriptionFromLink(params.token);
  if (!subscriber) return unknownSubscriptionPage(page);
  return subscriptionPage(page, "Your email notices", <ManageSubscription page={page} subscriber={subscriber} token={params.token!} />);
});

export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST")
    return new Response("Only GET and POST are supported here.", { status: 405, headers: { Allow: "GET, POST" } });
  const page = await publicPageNow();
  const subscriber = await subscriptionFromLink(params.token);
  if (!subscriber) return unknownSubscriptionPage(page);
  const token = params.token!;
  const form = await readForm(request);
  const parsed = PreferencesSchema.safeParse({ components: form.getAll("components").filter((v) => typeof v === "string") });
  const refused = (error: string) =>
    subscriptionPage(
      page,
      "Your email notices",
      <ManageSubscription page={page} subscriber={subscriber} token={token} error={error} />,
      422,
    );
  if (!parsed.success) return refused("Choose at most 200 components.");
  try {
    const saved = await setPreferences(token, parsed.data.components);
    return subscriptionPage(page, "Your email notices", <ManageSubscription page={page} subscriber={saved} token={token} saved />);
  } catch (error) {
    const { errors } = formRefusal(error);
    return refused(
      Object.keys(errors).some((k) => k.startsWith("components."))
        ? "A chosen component no longer exists; reload the page and choose again."
        : (errors._ ?? "Not saved."),
    );
  }
});
