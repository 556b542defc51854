import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { deliveryReport } from "~/modules/delivery/report.server.ts";
import { getUpdate } from "~/modules/updates/views.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  // the report names the subscribers whose notices failed or bounced
  await requireActor(request, "subscriber:write");
  const update = await getUpdate(params.id!);
  return Response.json({ deliveries: await deliveryReport(update.id) });
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
