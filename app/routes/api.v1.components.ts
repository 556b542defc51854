import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { ComponentInputSchema, createComponent, listComponents } from "~/modules/components/catalog.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return Response.json({ components: await listComponents() });
});

export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "component:write");
  const input = await parseJson(request, ComponentInputSchema);
  return Response.json({ component: await createComponent(actor, input) }, { status: 201 });
});
