// GET / PUT /api/v1/postmortem-deadlines: post-mortems owed, as /admin/settings sets them: the
// days after its resolution by which each severity's incident needs a published post-mortem.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { PostmortemDueDaysSchema } from "~/modules/postmortems/owed.ts";
import { getPostmortemDueDays, savePostmortemDueDays } from "~/modules/postmortems/owed.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  return Response.json({ dueDays: await getPostmortemDueDays() }, { headers: { "Cache-Control": "no-store" } });
});

/** PUT {SEV1, SEV2, SEV3, SEV4}: all four, each whole days (1 to 365) or null for none. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PUT"]);
  const actor = await requireActor(request, "settings:write");
  const dueDays = await parseJson(request, PostmortemDueDaysSchema);
  return Response.json({ dueDays: await savePostmortemDueDays(actor, dueDays) });
});
