import { redirect } from "@remix-run/node";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(function loader() {
  return redirect("/incidents");
});
