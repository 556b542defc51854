import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { createWebhook, listWebhooks, NewWebhookSchema } from "~/modules/delivery/webhooks.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "delivery:admin");
  return Response.json({ webhooks: await listWebhooks() });
});

/** {url, secret, events: ["incident" | "component"]}; a URL reaching a private address is 422. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "delivery:admin");
  const input = await parseJson(request, NewWebhookSchema);
  return Response.json({ webhook: await createWebhook(actor, input) }, { status: 201 });
});
