import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { createWebhook, listWebhooks, NewWebhookSchema } from "~/modules/delivery/webhooks.server.ts";
import { fail, parseJson } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "delivery:admin");
  return Response.json({ webhooks: await listWebhooks() });
}

/** {url, secret, events: ["incident" | "component"]}; a URL reaching a private address is 422. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only GET and POST are supported here.");
  const actor = await requireActor(request, "delivery:admin");
  const input = await parseJson(request, NewWebhookSchema);
  return Response.json({ webhook: await createWebhook(actor, input) }, { status: 201 });
}
