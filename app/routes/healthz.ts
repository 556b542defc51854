import { databaseAnswers } from "~/utils/db.server.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader() {
  return (await databaseAnswers())
    ? Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } })
    : Response.json({ status: "unavailable", error: { code: "unavailable", message: "The database does not answer." } }, { status: 503 });
});
