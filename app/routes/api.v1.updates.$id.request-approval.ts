import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requestApproval } from "~/modules/updates/drafts.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "update:draft");
  return Response.json({ update: await requestApproval(actor, params.id!) });
});
