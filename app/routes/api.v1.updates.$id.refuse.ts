import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { refuseUpdate } from "~/modules/updates/drafts.server.ts";
import { RefuseSchema } from "~/modules/updates/schemas.ts";
import { allowMethods, parseJson } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** `{"reason": "…"}`: back to its author as a draft, with why (decision 0046). */
export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "update:approve");
  const { reason } = await parseJson(request, RefuseSchema);
  return Response.json({ update: await refuseUpdate(actor, params.id!, reason) });
});
