// The post-mortem page's "Draft the public report" button posts here: the draft opens in the
// incident's comms tab, where it is edited, approved by a second person and published.
import { formFailed } from "~/utils/page-boundary.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/react";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { draftPublicReport } from "~/modules/postmortems/public-report.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return redirect(`/postmortems/${encodeURIComponent(params.id!)}`);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "update:draft");
  try {
    const update = await draftPublicReport(actor, params.id!);
    return redirect(`/incidents/${update.incidentId}/comms#update-${update.id}`);
  } catch (error) {
    return formFailed(error);
  }
});
