import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { incidentEventStream } from "~/modules/timeline/stream.server.ts";
import { env } from "~/utils/env.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";

/** Server-Sent Events for one incident; Last-Event-ID (or ?after=) resumes after that sequence. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const id = await requireIncidentId(params.id!);
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  if (!/^\d{1,9}$/.test(raw)) fail("bad_request", "Last-Event-ID must be a sequence number.", { "Last-Event-ID": "not a number" });
  return incidentEventStream(id, Number(raw), request.signal, env().SSE_HEARTBEAT_MS);
}
