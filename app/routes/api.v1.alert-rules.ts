// GET / PUT /api/v1/alert-rules: the alert intake rules of /admin/settings (decision 0016) for
// automation: the severity label, its mapping as the lines the form shows, the component label.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getAlertRulesForm, saveAlertRules } from "~/modules/alerts/rules.server.ts";
import { AlertRulesFormSchema } from "~/modules/alerts/rules.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const AlertRulesBodySchema = AlertRulesFormSchema.strict();

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  return Response.json({ alertRules: await getAlertRulesForm() }, { headers: { "Cache-Control": "no-store" } });
});

/** PUT {severityLabel, severityRules, componentLabel}: all three, checked as the settings form checks them. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PUT"]);
  const actor = await requireActor(request, "settings:write");
  const rules = await parseJson(request, AlertRulesBodySchema);
  return Response.json({ alertRules: await saveAlertRules(actor, rules) });
});
