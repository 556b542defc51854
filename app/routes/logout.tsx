import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearedSessionCookie, endSession } from "~/modules/auth/session.server.ts";

// Signing out is a POST (the header's button), so a link or a prefetch cannot sign anyone out.
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return redirect("/");
  await endSession(request);
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie(request) } });
}
