// GET /api/v1/audit-events: the audit log, newest first, with the page's filters and a cursor.
// Admin only; there is no way to change an event (decision 0022).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { auditEventJson } from "~/modules/audit/export.server.ts";
import { listAuditEvents, requireAuditQuery } from "~/modules/audit/log.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "audit:read");
  const page = await listAuditEvents(requireAuditQuery(request, actor.timeZone), actor.timeZone);
  return Response.json(
    { auditEvents: page.events.map(auditEventJson), nextCursor: page.nextCursor },
    { headers: { "Cache-Control": "no-store" } },
  );
});

/** Only GET (and HEAD) is served here: any other method is 405 with Allow, in the API's error shape. */
export const action = apiAction(async function action({ request }: ActionFunctionArgs) {
  allowMethods(request, ["GET"]);
});
