import type { LoaderFunctionArgs, ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { draftPublicReport } from "~/modules/postmortems/public-report.server.ts";
import { allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request }: LoaderFunctionArgs) {
  allowMethods(request, ["POST"]);
});

/** Drafts the public root-cause report (an update with status "postmortem"): 201 {update}. */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["POST"]);
  const actor = await requireActor(request, "update:draft");
  return Response.json({ update: await draftPublicReport(actor, params.id!) }, { status: 201 });
});
