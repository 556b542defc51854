// Any other path under /status (a mistyped page, an incident that was never published): the
// public page's own 404, with its header and a way back to /status, never the app's sign-in.
import { publicNotFoundPage, publicPageNow } from "~/public-site/subscription-pages.server.tsx";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader() {
  return publicNotFoundPage(await publicPageNow());
});

export const action = pageAction(async function action() {
  return publicNotFoundPage(await publicPageNow());
});
