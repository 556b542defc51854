// The template for a status (its default, or a named one comms picked), filled with the
// incident's data: the comms tab's text follows the chosen status, template and promise through this.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { UPDATE_TEMPLATE_STATUSES } from "~/modules/notices/update-defaults.ts";
import { draftBody } from "~/modules/updates/drafts.server.ts";
import { parseQuery } from "~/utils/http.server.ts";
import { apiLoader } from "~/utils/api-boundary.server.ts";

const QuerySchema = z.object({
  status: z.enum(UPDATE_TEMPLATE_STATUSES, { message: `must be one of ${UPDATE_TEMPLATE_STATUSES.join(", ")}` }),
  next: z.union([z.literal(""), z.coerce.number().int().min(5).max(1440)]).default(""),
  /** a named template of the status (its id, key or name); the status's default when empty */
  template: z.string().trim().max(200, "must be at most 200 characters").default(""),
});

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "update:draft");
  const query = parseQuery(request, QuerySchema);
  const id = await requireIncidentId(params.id!);
  return Response.json({ body: await draftBody(id, query.status, query.next === "" ? null : query.next, query.template || undefined) });
});
