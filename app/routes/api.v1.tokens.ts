import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { createApiToken, NewTokenSchema } from "~/modules/auth/tokens.server.ts";
import { fail, parseJson } from "~/utils/http.server.ts";

export async function loader() {
  fail("not_found", "Use POST to create a token.");
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only POST is supported here.");
  const actor = await requireActor(request, "admin:users");
  const input = await parseJson(request, NewTokenSchema);
  const token = await createApiToken(actor, input);
  return Response.json({ token: token.token, id: token.id, role: token.role, name: token.name }, { status: 201 });
}
