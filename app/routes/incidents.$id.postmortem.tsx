// The incident's Post-mortem tab (a child of the incident layout, decision 0044): opens the post-mortem when there is one; otherwise says
// what is missing, and lets a responder generate the first draft in one action.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useIncidentEventsContext } from "~/components/room/incident-events.ts";
import { incidentOf } from "~/components/room/layout-data.ts";
import { Button } from "~/components/ui/button.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { createPostmortem, findPostmortemIdOfIncident } from "~/modules/postmortems/postmortems.server.ts";
import { formFailed, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const postmortemId = await findPostmortemIdOfIncident(await requireIncidentId(params.id!));
  if (postmortemId) throw redirect(`/postmortems/${postmortemId}`);
  return { canWrite: can(actor.role, "postmortem:write") };
});

export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "postmortem:write");
  const incidentId = await requireIncidentId(params.id!);
  try {
    const postmortem = await createPostmortem(actor, incidentId);
    return redirect(`/postmortems/${postmortem.id}/edit`);
  } catch (error) {
    return formFailed(error);
  }
});

export default function IncidentPostmortem() {
  const { canWrite } = useLoaderData<typeof loader>();
  // the layout's incident, kept current by its stream: resolving it elsewhere offers the draft here
  const { incident } = useIncidentEventsContext();
  const result = useActionData<{ errors?: Record<string, string> }>();
  const busy = useNavigation().state !== "idle";
  const resolved = incident.status === "resolved";
  return (
    <div>
      <section className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 shadow-sm" aria-labelledby="pm-heading">
        <h2 id="pm-heading" className="text-lg font-semibold">
          No post-mortem yet
        </h2>
        {!resolved ? (
          <p className="mt-2 text-slate-700">
            The post-mortem can be written once the incident is resolved: its numbers need the resolution time.
          </p>
        ) : canWrite ? (
          <Form method="post" className="mt-2 space-y-3">
            <p className="text-slate-700">
              The first draft is generated from this incident: summary, impact with numbers, the key moments, detection, response, and every
              customer update with its promises. Root cause, contributing factors and lessons start with prompts for you to answer.
            </p>
            {result?.errors ? (
              <p role="alert" className="text-sm text-red-800">
                {Object.values(result.errors).join(" ")}
              </p>
            ) : null}
            <Button type="submit" disabled={busy}>
              {busy ? "Generating…" : "Generate the post-mortem"}
            </Button>
          </Form>
        ) : (
          <p className="mt-2 text-slate-700">A responder or an admin can generate it.</p>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const incident = incidentOf(matches);
  return [{ title: incident ? `Post-mortem · ${incident.ref} · Incident Desk` : "Post-mortem · Incident Desk" }];
};
