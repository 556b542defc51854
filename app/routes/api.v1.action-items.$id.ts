import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { updateActionItem } from "~/modules/action-items/action-items.server.ts";
import { getActionItem } from "~/modules/action-items/queries.server.ts";
import { ActionItemPatchSchema } from "~/modules/action-items/schemas.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const actionItem = await getActionItem(params.id!);
  if (!actionItem) notFound("Action item");
  return Response.json({ actionItem });
});

/** Any of the fields and `state`; closing sets closedAt, reopening clears it. */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PATCH"]);
  const actor = await requireActor(request, "postmortem:write");
  const patch = await parseJson(request, ActionItemPatchSchema);
  return Response.json({ actionItem: await updateActionItem(actor, params.id!, patch) });
});
