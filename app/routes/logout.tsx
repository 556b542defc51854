import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { announceAccessChanged } from "~/modules/auth/live-access.server.ts";
import { clearedSessionCookie, endSession } from "~/modules/auth/session.server.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

// Signing out is a POST (the header's button), so a link or a prefetch cannot sign anyone out.
export const loader = pageLoader(function loader() {
  return redirect("/");
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return redirect("/");
  const signedOut = await endSession(request);
  if (signedOut) await announceAccessChanged(signedOut);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie(request) } });
});
