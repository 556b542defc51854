import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listUpdateTemplates } from "~/modules/notices/templates.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  return Response.json({ templates: await listUpdateTemplates() });
}
