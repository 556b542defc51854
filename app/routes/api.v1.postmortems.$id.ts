import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { postmortemJson } from "~/modules/postmortems/api.server.ts";
import { requirePostmortem } from "~/modules/postmortems/postmortems.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ postmortem: await postmortemJson(await requirePostmortem(params.id!)) });
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
