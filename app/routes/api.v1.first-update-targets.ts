// GET / PUT /api/v1/first-update-targets: the first public update, as /admin/settings sets it: the
// minutes after its declaration within which each severity's incident owes customers an update.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { FirstUpdateTargetsSchema } from "~/modules/updates/first-update.ts";
import { getFirstUpdateTargets, saveFirstUpdateTargets } from "~/modules/updates/first-update.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  return Response.json({ minutes: await getFirstUpdateTargets() }, { headers: { "Cache-Control": "no-store" } });
});

/** PUT {SEV1, SEV2, SEV3, SEV4}: all four, each whole minutes (1 to 1440) or null for none. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PUT"]);
  const actor = await requireActor(request, "settings:write");
  const minutes = await parseJson(request, FirstUpdateTargetsSchema);
  return Response.json({ minutes: await saveFirstUpdateTargets(actor, minutes) });
});
