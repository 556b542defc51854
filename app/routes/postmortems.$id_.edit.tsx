// Editing a post-mortem together, live: every section in one page, each person's caret and
// name visible to the others. Anyone who may read opens it; the server lets only those with
// postmortem:write edit, and nobody once it is approved or published.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ActionItemsEditor } from "~/components/action-items/action-items-editor.tsx";
import { CollaborativeSections } from "~/components/postmortem/editor/collaborative-sections.tsx";
import { PublicReportPanel } from "~/components/postmortem/public-report-panel.tsx";
import { ReviewPanel } from "~/components/postmortem/review-panel.tsx";
import { postmortemActionItems } from "~/modules/action-items/queries.server.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can, ROLE_LABELS } from "~/modules/auth/roles.ts";
import { getPostmortem } from "~/modules/postmortems/postmortems.server.ts";
import { publicReportStatus } from "~/modules/postmortems/public-report.server.ts";
import { reviewPanel } from "~/modules/postmortems/review.server.ts";
import { POSTMORTEM_STATE_LABELS } from "~/modules/postmortems/sections.ts";
import { isLockedForEditing } from "~/modules/postmortems/shared-document.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const postmortem = await getPostmortem(params.id!);
  if (!postmortem) throw new Response("Post-mortem not found", { status: 404 });
  const { id, title, state, incident } = postmortem;
  const readOnlyReason = !can(actor.role, "postmortem:write")
    ? `The ${ROLE_LABELS[actor.role].toLowerCase()} role can read post-mortems but not edit them.`
    : isLockedForEditing(state)
      ? `It is ${POSTMORTEM_STATE_LABELS[state].toLowerCase()}: reopen it to change it.`
      : null;
  const [review, actionItems, report] = await Promise.all([
    reviewPanel(actor, id),
    postmortemActionItems(id),
    publicReportStatus(incident.id),
  ]);
  return {
    postmortem: { id, title, state, incident: { id: incident.id, ref: incident.ref, title: incident.title } },
    generated: postmortem.sections.map(({ key, title: sectionTitle, source, generated, generatedAt }) => ({
      key,
      title: sectionTitle,
      source,
      generated,
      generatedAt,
    })),
    canRefresh: can(actor.role, "postmortem:write") && !isLockedForEditing(state),
    me: { id: actor.userId, name: actor.name },
    readOnlyReason,
    review: review!,
    actionItems,
    report,
    can: { editItems: can(actor.role, "postmortem:write"), draftReport: can(actor.role, "update:draft") },
  };
});

export default function EditPostmortem() {
  const { postmortem, generated, canRefresh, me, readOnlyReason, review, actionItems, report, can: may } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="mb-2 text-sm print:hidden">
        <Link to={`/postmortems/${postmortem.id}`}>← Read view</Link>
      </p>
      <header className="mb-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Link to={`/incidents/${postmortem.incident.id}`} className="font-mono font-semibold">
            {postmortem.incident.ref}
          </Link>
          <span className="text-slate-700">{postmortem.incident.title}</span>
          <span
            className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800 ring-1 ring-slate-300"
            data-testid="postmortem-state"
          >
            {POSTMORTEM_STATE_LABELS[postmortem.state]}
          </span>
        </div>
        <h1 className="mt-2 text-2xl font-semibold">{postmortem.title}</h1>
      </header>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <CollaborativeSections
            postmortemId={postmortem.id}
            me={me}
            readOnlyReason={readOnlyReason}
            generated={generated}
            canRefresh={canRefresh}
          />
          <section id="action-items" aria-label="Action items" className="mt-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
            <ActionItemsEditor postmortemId={postmortem.id} items={actionItems.items} people={actionItems.people} canEdit={may.editItems} />
          </section>
        </div>
        <aside aria-label="About this post-mortem" className="min-w-0 space-y-4" data-testid="postmortem-sidebar">
          <ReviewPanel postmortemId={postmortem.id} initial={review} />
          <PublicReportPanel postmortemId={postmortem.id} incidentId={postmortem.incident.id} report={report} canDraft={may.draftReport} />
          <section className="rounded-lg border border-slate-300 bg-white p-3 text-sm text-slate-700">
            <h2 className="mb-1 font-semibold text-slate-900">Editing together</h2>
            <p>
              {readOnlyReason
                ? "What others write appears here as they type, with their cursor and name."
                : "Changes are saved as you type, a few seconds after you stop. Everyone on this page sees your cursor and name. The parts marked “From the incident” are generated and read only: refresh one when the incident changes; what you wrote stays."}
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit · ${data.postmortem.title} · Incident Desk` : "Edit post-mortem · Incident Desk" },
];

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      byStatus={{ 404: { title: "No such post-mortem", message: "It may have been deleted, or the link is wrong." } }}
    />
  );
}
