import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { discardUpdate, editUpdate } from "~/modules/updates/drafts.server.ts";
import { UpdatePatchSchema } from "~/modules/updates/schemas.ts";
import { getUpdate } from "~/modules/updates/views.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ update: await getUpdate(params.id!) });
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PATCH", "DELETE"]);
  const actor = await requireActor(request, "update:draft");
  if (request.method === "DELETE") {
    await discardUpdate(actor, params.id!);
    return new Response(null, { status: 204 });
  }
  const patch = await parseJson(request, UpdatePatchSchema);
  return Response.json({ update: await editUpdate(actor, params.id!, patch) });
});
