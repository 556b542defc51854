import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listNotifications } from "~/modules/notifications/notifications.server.ts";
import { NotificationListSchema } from "~/modules/notifications/rules.ts";
import { allowMethods, parseQuery } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** `?unread=1&limit=30`: your own notifications, newest first, with your unread count. */
export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const query = parseQuery(request, NotificationListSchema);
  return Response.json(await listNotifications(actor.userId, { unreadOnly: query.unread === "1", limit: query.limit }));
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
