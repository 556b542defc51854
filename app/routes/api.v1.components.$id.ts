import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { ComponentPatchSchema, listComponents, updateComponent } from "~/modules/components/catalog.server.ts";
import { notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const component = (await listComponents()).find((c) => c.id === params.id);
  if (!component) notFound("Component");
  return Response.json({ component });
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "PATCH"]);
  const actor = await requireActor(request, "component:write");
  const patch = await parseJson(request, ComponentPatchSchema);
  return Response.json({ component: await updateComponent(actor, params.id!, patch) });
});
