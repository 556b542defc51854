import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { createUser, listUsers, NewUserSchema } from "~/modules/auth/users.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** An answer that may carry a password is kept by no cache. */
const NO_STORE = { "Cache-Control": "no-store" };

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "admin:users");
  return Response.json({ users: await listUsers() }, { headers: NO_STORE });
});

/** Without `password`, the answer holds a generated one, `oneTimePassword`: the only time it is shown. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "admin:users");
  const input = await parseJson(request, NewUserSchema);
  const { user, oneTimePassword } = await createUser(actor, input);
  return Response.json({ user, ...(oneTimePassword ? { oneTimePassword } : {}) }, { status: 201, headers: NO_STORE });
});
