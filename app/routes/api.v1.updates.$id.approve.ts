import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { approveUpdate } from "~/modules/updates/drafts.server.ts";
import { fail } from "~/utils/http.server.ts";

export async function loader() {
  fail("not_found", "Use POST.");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only POST is supported here.");
  const actor = await requireActor(request, "update:approve");
  return Response.json({ update: await approveUpdate(actor, params.id!) });
}
