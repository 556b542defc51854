import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { postmortemJson } from "~/modules/postmortems/api.server.ts";
import { requirePostmortem } from "~/modules/postmortems/postmortems.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ postmortem: await postmortemJson(await requirePostmortem(params.id!), request) });
}
