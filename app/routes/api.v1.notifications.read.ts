import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { markNotificationsRead } from "~/modules/notifications/notifications.server.ts";
import { MarkReadSchema } from "~/modules/notifications/rules.ts";
import { allowMethods, parseJson } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

/** `{"ids": [...]}` or `{"all": true}`: marks your own notifications read (others' ids change nothing). */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "read");
  return Response.json(await markNotificationsRead(actor, await parseJson(request, MarkReadSchema)));
});
