import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { NamedTemplateCreateSchema } from "~/modules/notices/named-templates.ts";
import { createNamedTemplate, listNamedTemplates } from "~/modules/notices/named-templates.server.ts";
import { listUpdateTemplates } from "~/modules/notices/saved-templates.server.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** The default of each status (as before) and the named templates beside them. */
export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "settings:write");
  const [templates, namedTemplates] = await Promise.all([listUpdateTemplates(), listNamedTemplates()]);
  return Response.json({ templates, namedTemplates });
});

/** POST {status, name, source}: a named template (checked first; 409 when the status already has that name). */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "settings:write");
  const input = await parseJson(request, NamedTemplateCreateSchema);
  return Response.json({ template: await createNamedTemplate(actor, input) }, { status: 201 });
});
