import { pageLoader } from "~/utils/page-boundary.server.ts";
import { readiness } from "~/utils/readiness.server.ts";

const NO_STORE = { "Cache-Control": "no-store" };
/** What each dependency's silence is called on /healthz. */
const NOT_ANSWERING: Record<string, string> = {
  database: "The database does not answer.",
  redis: "Redis (REDIS_URL) does not answer.",
};

/** Ready (200) only while every dependency answers and the instance is not draining (app/utils/readiness.ts). */
export const loader = pageLoader(async function loader() {
  const state = await readiness();
  if (state.status === "ok") return Response.json({ status: "ok" }, { headers: NO_STORE });
  if (state.status === "draining") {
    const message = "This instance is shutting down: send requests to another one.";
    return Response.json({ status: "draining", error: { code: "draining", message } }, { status: 503, headers: NO_STORE });
  }
  const message = state.failing.map((name) => NOT_ANSWERING[name] ?? `${name} does not answer.`).join(" ");
  return Response.json(
    { status: "unavailable", failing: state.failing, error: { code: "unavailable", message } },
    { status: 503, headers: NO_STORE },
  );
});
