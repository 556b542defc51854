// Where the post-mortem page's review panel posts its moves: submit, return, approve, publish,
// reopen (it reads its figures from GET /api/v1/postmortems/:id/review).
import { formFailed } from "~/utils/page-boundary.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/react";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { reviewPostmortem } from "~/modules/postmortems/review.server.ts";
import { ReviewRequestSchema } from "~/modules/postmortems/review.ts";
import { parseForm } from "~/utils/form.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return redirect(`/postmortems/${encodeURIComponent(params.id!)}/edit`);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "postmortem:write");
  const parsed = await parseForm(request, ReviewRequestSchema, (form) => ({
    action: form.get("action"),
    ...(String(form.get("note") ?? "").trim() ? { note: String(form.get("note")) } : {}),
  }));
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 422 });
  try {
    await reviewPostmortem(actor, params.id!, parsed.data.action, parsed.data.note);
  } catch (error) {
    return formFailed(error);
  }
  return redirect(`/postmortems/${encodeURIComponent(params.id!)}/edit`);
});
