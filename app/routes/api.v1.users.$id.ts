import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { changeUser, UserChangeSchema } from "~/modules/auth/user-changes.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["PATCH"]);
});

/** `{role?, name?, disabled?}`: a role change or disabling ends the person's sessions and open connections. */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["PATCH"]);
  const actor = await requireActor(request, "admin:users");
  const input = await parseJson(request, UserChangeSchema);
  const { user } = await changeUser(actor, params.id!, input);
  return Response.json({ user });
});
