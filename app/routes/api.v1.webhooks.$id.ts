import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { removeWebhook } from "~/modules/delivery/webhooks.server.ts";
import { fail } from "~/utils/http.server.ts";

export async function loader() {
  fail("not_found", "Use GET /api/v1/webhooks, or DELETE here.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "DELETE") fail("not_found", "Only DELETE is supported here.");
  const actor = await requireActor(request, "delivery:admin");
  await removeWebhook(actor, params.id!);
  return new Response(null, { status: 204 });
}
