import type { LoaderFunctionArgs } from "@remix-run/node";
import { listActionItems } from "~/modules/action-items/queries.server.ts";
import { ActionItemFiltersSchema } from "~/modules/action-items/schemas.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { fail, parseQuery } from "~/utils/http.server.ts";

/** `?state=open,in_progress&owner=me|<id>&overdue=1&cursor=&limit=`: overdue first, then by due date, then priority. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  return Response.json(await listActionItems(actor.userId, parseQuery(request, ActionItemFiltersSchema)));
}

export async function action() {
  fail("not_found", "Only GET is supported here; add items with POST /api/v1/postmortems/:id/action-items.");
}
