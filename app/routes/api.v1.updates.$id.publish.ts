import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { publishUpdate } from "~/modules/updates/publish.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  // whether this person may publish this incident's updates is decided by publishing (decision 0041)
  const actor = await requireActor(request, "update:draft");
  return Response.json({ update: await publishUpdate(actor, params.id!) });
});
