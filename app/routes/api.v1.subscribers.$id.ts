import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { removeSubscriber } from "~/modules/subscribers/subscribers.server.ts";
import { fail } from "~/utils/http.server.ts";

export async function loader() {
  fail("not_found", "Use GET /api/v1/subscribers, or DELETE here.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "DELETE") fail("not_found", "Only DELETE is supported here.");
  const actor = await requireActor(request, "subscriber:write");
  await removeSubscriber(actor, params.id!);
  return new Response(null, { status: 204 });
}
