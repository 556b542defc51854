import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { draftPublicReport } from "~/modules/postmortems/public-report.server.ts";
import { fail } from "~/utils/http.server.ts";

export async function loader() {
  fail("not_found", "Use POST to draft the root-cause report; read it with GET /api/v1/updates/:id.");
}

/** Drafts the public root-cause report (an update with status "postmortem"): 201 {update}. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") fail("not_found", "Only POST is supported here.");
  const actor = await requireActor(request, "update:draft");
  return Response.json({ update: await draftPublicReport(actor, params.id!) }, { status: 201 });
}
