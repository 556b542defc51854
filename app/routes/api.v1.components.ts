import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { ComponentInputSchema, createComponent, listComponents } from "~/modules/components/catalog.server.ts";
import { fail, parseJson } from "~/utils/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ components: await listComponents() });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only GET and POST are supported here.");
  const actor = await requireActor(request, "component:write");
  const input = await parseJson(request, ComponentInputSchema);
  return Response.json({ component: await createComponent(actor, input) }, { status: 201 });
}
