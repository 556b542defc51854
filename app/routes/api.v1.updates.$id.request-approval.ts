import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requestApproval } from "~/modules/updates/drafts.server.ts";
import { allowMethods } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
}

export async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "update:draft");
  return Response.json({ update: await requestApproval(actor, params.id!) });
}
