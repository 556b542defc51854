import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { createUpdate } from "~/modules/updates/drafts.server.ts";
import { NewUpdateSchema } from "~/modules/updates/schemas.ts";
import { listIncidentUpdates } from "~/modules/updates/views.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  const id = await requireIncidentId(params.id!);
  return Response.json({ updates: await listIncidentUpdates(id) });
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "update:draft");
  const input = await parseJson(request, NewUpdateSchema);
  const id = await requireIncidentId(params.id!);
  return Response.json({ update: await createUpdate(actor, id, input) }, { status: 201 });
});
