import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { admitEventStream } from "~/modules/auth/live-access.server.ts";
import { notificationStream } from "~/http/event-streams.server.ts";
import { env } from "~/utils/env.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/**
 * Server-Sent Events of your unread count (`event: count`, `{"unread": n}`): sent at once and
 * whenever it changes. Counted with the incident streams against the same caps, and ended when
 * your access changes (decision 0028).
 */
export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const onOpen = await admitEventStream(actor, clientAddress(request));
  return notificationStream(actor.userId, request.signal, env().SSE_HEARTBEAT_MS, onOpen);
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
