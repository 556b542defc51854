import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { createApiToken, NewTokenSchema } from "~/modules/auth/tokens.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "admin:users");
  const input = await parseJson(request, NewTokenSchema);
  const token = await createApiToken(actor, input);
  return Response.json({ token: token.token, id: token.id, role: token.role, name: token.name }, { status: 201 });
});
