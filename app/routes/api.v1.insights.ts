// GET /api/v1/insights?from=&to=&severity=&component=&sla=: every figure of the insights page
// with the incidents behind it (docs/insights.md).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { loadInsights } from "~/modules/insights/insights.server.ts";
import { InsightsQuerySchema } from "~/modules/insights/query.ts";
import { parseQuery, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const insights = await loadInsights(parseQuery(request, InsightsQuerySchema));
  return Response.json(insights, { headers: { "Cache-Control": "no-store" } });
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
