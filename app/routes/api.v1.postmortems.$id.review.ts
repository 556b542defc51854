import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { ReviewRequestSchema } from "~/modules/postmortems/review.ts";
import { postmortemJson } from "~/modules/postmortems/api.server.ts";
import { requirePostmortem } from "~/modules/postmortems/postmortems.server.ts";
import { reviewPanel, reviewPostmortem } from "~/modules/postmortems/review.server.ts";
import { notFound, parseJson, allowMethods } from "~/utils/http.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

/** Where the review stands for the caller: state, lint problems, the moves they may make (and what blocks one), the change log. */
export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const panel = await reviewPanel(actor, params.id!);
  if (!panel) notFound("Post-mortem");
  return Response.json({ review: panel });
});

/** `{action: submit|return|approve|publish|reopen, note?}`; which role may do what is checked in the module. */
export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  allowMethods(request, ["GET", "POST"]);
  const actor = await requireActor(request, "postmortem:write");
  const { action, note } = await parseJson(request, ReviewRequestSchema);
  await reviewPostmortem(actor, params.id!, action, note);
  return Response.json({ postmortem: await postmortemJson(await requirePostmortem(params.id!)) });
});
