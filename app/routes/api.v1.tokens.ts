import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { ROLES } from "~/modules/auth/roles.ts";
import { createApiToken } from "~/modules/auth/tokens.server.ts";
import { fail, parseJson } from "~/utils/http.server.ts";

const NewTokenSchema = z.object({ name: z.string().trim().min(1, "must not be empty").max(100), role: z.enum(ROLES) });

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
