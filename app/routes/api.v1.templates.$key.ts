import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { saveUpdateTemplate } from "~/modules/notices/templates.server.ts";
import { UPDATE_TEMPLATE_STATUSES, updateTemplateKey } from "~/modules/notices/update-templates.ts";
import { MAX_TEMPLATE_LENGTH } from "~/modules/notices/templates.ts";
import { fail, notFound, parseJson } from "~/utils/http.server.ts";

const TemplateSchema = z.object({ source: z.string().max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`).nullable() }).strict();

export async function loader() {
  fail("not_found", "Use GET /api/v1/templates, or PUT here.");
}

/** PUT {source}: replace a template (checked first); {source: null}: back to the shipped one. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PUT") fail("not_found", "Only PUT is supported here.");
  const actor = await requireActor(request, "settings:write");
  const status = UPDATE_TEMPLATE_STATUSES.find((s) => updateTemplateKey(s) === params.key);
  if (!status) notFound("Template");
  const { source } = await parseJson(request, TemplateSchema);
  return Response.json({ template: await saveUpdateTemplate(actor, status, source) });
}
