import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listActionItems } from "~/modules/action-items/queries.server.ts";
import { ActionItemFiltersSchema } from "~/modules/action-items/schemas.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { parseQuery, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** `?state=open,in_progress&owner=me|<id>&overdue=1&cursor=&limit=`: overdue first, then by due date, then priority. */
export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  return Response.json(await listActionItems(actor.userId, parseQuery(request, ActionItemFiltersSchema)));
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
