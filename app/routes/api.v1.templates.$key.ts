import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { NamedTemplatePatchSchema, parseTemplateKey } from "~/modules/notices/named-templates.ts";
import { deleteNamedTemplate, updateNamedTemplate } from "~/modules/notices/named-templates.server.ts";
import { saveUpdateTemplate } from "~/modules/notices/saved-templates.server.ts";
import { MAX_TEMPLATE_LENGTH } from "~/modules/notices/liquid.ts";
import { parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const TemplateSchema = z
  .object({ source: z.string().max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`).nullable() })
  .strict();

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["PUT", "DELETE"]);
});

/**
 * update.<status>: PUT {source} replaces the status's default (checked first), {source: null} or
 * DELETE puts the shipped one back. A named template (its key update.<status>.<slug>, or its id):
 * PUT {name?, source?} renames or rewrites it, DELETE removes it.
 */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["PUT", "DELETE"]);
  const actor = await requireActor(request, "settings:write");
  const ref = params.key!;
  const key = parseTemplateKey(ref);
  if (key && key.slug === null) {
    if (request.method === "DELETE") return Response.json({ template: await saveUpdateTemplate(actor, key.status, null) });
    const { source } = await parseJson(request, TemplateSchema);
    return Response.json({ template: await saveUpdateTemplate(actor, key.status, source) });
  }
  if (request.method === "DELETE") {
    await deleteNamedTemplate(actor, ref);
    return new Response(null, { status: 204 });
  }
  const patch = await parseJson(request, NamedTemplatePatchSchema);
  return Response.json({ template: await updateNamedTemplate(actor, ref, patch) });
});
