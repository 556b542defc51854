import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createActionItem } from "~/modules/action-items/action-items.server.ts";
import { listActionItems } from "~/modules/action-items/queries.server.ts";
import { ActionItemFiltersSchema, NewActionItemSchema } from "~/modules/action-items/schemas.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { parseJson, parseQuery, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** This post-mortem's items, in the same order and pages as GET /api/v1/action-items. */
export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const filters = parseQuery(request, ActionItemFiltersSchema);
  return Response.json(await listActionItems(actor.userId, { ...filters, postmortem: params.id! }));
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "postmortem:write");
  const input = await parseJson(request, NewActionItemSchema);
  return Response.json({ actionItem: await createActionItem(actor, params.id!, input) }, { status: 201 });
});
