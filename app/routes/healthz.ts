import { databaseAnswers } from "~/utils/db.server.ts";

export async function loader() {
  return (await databaseAnswers())
    ? Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } })
    : Response.json({ status: "unavailable", error: { code: "unavailable", message: "The database does not answer." } }, { status: 503 });
}
