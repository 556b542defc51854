import { readiness } from "~/utils/readiness.server.ts";

const NO_STORE = { "Cache-Control": "no-store" };

/** Ready (200) only while every dependency answers and the instance is not draining (app/utils/readiness.ts). */
export async function loader() {
  const state = await readiness();
  if (state.status === "ok") return Response.json({ status: "ok" }, { headers: NO_STORE });
  if (state.status === "draining") {
    const message = "This instance is shutting down: send requests to another one.";
    return Response.json({ status: "draining", error: { code: "draining", message } }, { status: 503, headers: NO_STORE });
  }
  const message = state.failing.length === 1 && state.failing[0] === "database" ? "The database does not answer." : `Not answering: ${state.failing.join(", ")}.`;
  return Response.json({ status: "unavailable", failing: state.failing, error: { code: "unavailable", message } }, { status: 503, headers: NO_STORE });
}
