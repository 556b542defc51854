import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { admitEventStream } from "~/modules/auth/live-access.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { incidentEventStream } from "~/http/event-streams.server.ts";
import { env } from "~/utils/env.server.ts";
import { fail, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/**
 * Server-Sent Events for one incident; Last-Event-ID (or ?after=) resumes after that sequence.
 * Each session, token and address may hold only so many open (429 past it), and a stream ends
 * when its person's access changes (decision 0028).
 */
export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const id = await requireIncidentId(params.id!);
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  if (!/^\d{1,9}$/.test(raw)) fail("bad_request", "Last-Event-ID must be a sequence number.", { "Last-Event-ID": "not a number" });
  const onOpen = await admitEventStream(actor, clientAddress(request));
  return incidentEventStream(id, Number(raw), request.signal, env().SSE_HEARTBEAT_MS, onOpen);
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
