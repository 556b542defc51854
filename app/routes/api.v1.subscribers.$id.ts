import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { removeSubscriber } from "~/modules/subscribers/subscribers.server.ts";
import { allowMethods } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["DELETE"]);
}

export async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["DELETE"]);
  const actor = await requireActor(request, "subscriber:write");
  await removeSubscriber(actor, params.id!);
  return new Response(null, { status: 204 });
}
