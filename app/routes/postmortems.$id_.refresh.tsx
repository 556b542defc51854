// Where the editor's "Refresh from the incident" posts: renders one section's generated part
// again from the incident (decision 0042). What people wrote is never touched.
import { formFailed } from "~/utils/page-boundary.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { refreshGeneratedPart } from "~/modules/postmortems/refresh.server.ts";
import { SECTION_KEYS } from "~/modules/postmortems/sections.ts";
import { parseForm } from "~/utils/form.server.ts";
import { apiAction, apiLoader } from "~/utils/api-boundary.server.ts";

const RefreshSchema = z.object({ section: z.enum(SECTION_KEYS, { message: `must be one of ${SECTION_KEYS.join(", ")}` }) }).strict();

export const loader = apiLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "read");
  return redirect(`/postmortems/${encodeURIComponent(params.id!)}/edit`);
});

export const action = apiAction(async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "postmortem:write");
  const parsed = await parseForm(request, RefreshSchema);
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 422 });
  try {
    const refreshed = await refreshGeneratedPart(actor, params.id!, parsed.data.section);
    return Response.json({ section: parsed.data.section, ...refreshed });
  } catch (error) {
    return formFailed(error);
  }
});
