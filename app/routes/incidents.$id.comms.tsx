// The incident's Comms tab (/incidents/:id/comms), a child of the incident layout (decision 0044).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { NextUpdateDue } from "~/components/comms/next-update.tsx";
import { UpdateCard } from "~/components/comms/update-card.tsx";
import { UpdateComposer } from "~/components/comms/update-composer.tsx";
import { ResolutionPublished } from "~/components/comms/resolution-published.tsx";
import { RoomKeyboard } from "~/components/room/room-keyboard.tsx";
import { useDraftCount } from "~/components/room/room-tabs.tsx";
import { incidentOf } from "~/components/room/layout-data.ts";
import { useIncidentStream } from "~/components/room/use-incident-stream.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { getIncident, requireIncidentId } from "~/modules/incidents/queries.server.ts";
import { UPDATE_TEMPLATE_STATUSES } from "~/modules/notices/update-defaults.ts";
import { commsPageData } from "~/modules/updates/comms.server.ts";
import { DEFAULT_NEXT_UPDATE, NEXT_UPDATE_CHOICES } from "~/modules/updates/rules.ts";
import { approveUpdate, createUpdate, discardUpdate, editUpdate, refuseUpdate, requestApproval } from "~/modules/updates/drafts.server.ts";
import { updateInputFromForm, type CommsFormOutcome } from "~/modules/updates/forms.ts";
import { mayPublishIncidentUpdates, publishUpdate } from "~/modules/updates/publish.server.ts";
import { NewUpdateSchema, RefuseSchema, UpdatePatchSchema } from "~/modules/updates/schemas.ts";
import type { UpdateView } from "~/modules/updates/views.ts";
import { readForm, readIntent, unhandledIntent } from "~/utils/form.server.ts";
import { fieldErrors, parseQuery } from "~/utils/http.server.ts";
import { formFailed, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

/** `?status=identified`: start the draft from that status's template (the room's "Draft it now" and "Tell customers?"). */
const CommsQuerySchema = z.object({
  status: z.enum(UPDATE_TEMPLATE_STATUSES, { message: `must be one of ${UPDATE_TEMPLATE_STATUSES.join(", ")}` }).optional(),
});

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const query = parseQuery(request, CommsQuerySchema);
  const incident = await getIncident(await requireIncidentId(params.id!));
  if (!incident) throw new Response("Incident not found", { status: 404 });
  const data = await commsPageData(incident, query.status);
  return {
    lastSeq: incident.lastSeq,
    ...data,
    timeZone: actor.timeZone,
    askedStatus: query.status ?? null,
    can: {
      actorId: actor.userId,
      canDraft: can(actor.role, "update:draft"),
      canApprove: can(actor.role, "update:approve"),
      canPublish: await mayPublishIncidentUpdates(actor, incident.id),
      canSeeDeliveries: can(actor.role, "subscriber:write"),
      sev1: incident.severity === "SEV1",
    },
  };
});

const Intent = z.enum([
  "draft",
  "submit-for-approval",
  "publish-new",
  "promote",
  "edit",
  "request-approval",
  "approve",
  "approve-publish",
  "refuse",
  "publish",
  "discard",
]);
type Intent = z.output<typeof Intent>;
/** The intents only an approver may send; the others need update:draft. */
const APPROVING: ReadonlySet<Intent> = new Set(["approve", "approve-publish", "refuse"]);

/** Which of the tab's forms posted (the outcome's `form`): the composer, an update's buttons, or an entry's "To update". */
function formOf(intent: Intent, form: FormData): string {
  switch (intent) {
    case "draft":
    case "submit-for-approval":
    case "publish-new":
      return "composer";
    case "promote":
      return `promote:${String(form.get("entryId") ?? "")}`;
    case "edit":
    case "request-approval":
    case "approve":
    case "approve-publish":
    case "refuse":
    case "publish":
    case "discard":
      return `${intent}:${String(form.get("updateId") ?? "")}`;
    default:
      return unhandledIntent(intent);
  }
}

/** A form the fields of which are not valid: one message per field, with the status it always had. */
const refused = (form: string, error: z.ZodError, status = 422) =>
  Response.json({ ok: false, form, errors: fieldErrors(error) } satisfies CommsFormOutcome, { status });

export const action = pageAction(async function action({ request, params }: ActionFunctionArgs) {
  // every intent needs at least update:draft: a role without it is refused before its form is read
  await requireActor(request, "update:draft");
  const form = await readForm(request);
  let intent: Intent;
  try {
    intent = readIntent(form, Intent);
  } catch (error) {
    return formFailed(error, { form: "comms" });
  }
  // who may publish is decided by publishing itself (the incident's commander may, when allowed)
  const actor = await requireActor(request, APPROVING.has(intent) ? "update:approve" : "update:draft");
  const id = await requireIncidentId(params.id!);
  const updateId = String(form.get("updateId") ?? "");
  const name = formOf(intent, form);
  const done = (update?: UpdateView) => ({ ok: true, form: name, ...(update ? { update } : {}) }) satisfies CommsFormOutcome;
  // The intents that name an update act only on an update of this incident.
  const scope = { incidentId: id };
  const createNew = async (publish: boolean) => {
    const parsed = NewUpdateSchema.safeParse({ ...updateInputFromForm(form), publish });
    if (!parsed.success) return refused(name, parsed.error);
    return done(await createUpdate(actor, id, parsed.data));
  };
  try {
    switch (intent) {
      case "promote": {
        const entryId = String(form.get("entryId") ?? "");
        const incident = await getIncident(id);
        const parsed = NewUpdateSchema.safeParse({
          status: incident!.status,
          fromEntryId: entryId,
          nextUpdateInMinutes: DEFAULT_NEXT_UPDATE,
        });
        if (!parsed.success) return refused(name, parsed.error, 400);
        await createUpdate(actor, id, parsed.data);
        return redirect(`/incidents/${id}/comms`);
      }
      case "draft":
        return await createNew(false);
      case "submit-for-approval":
      case "publish-new":
        return await createNew(true);
      case "edit": {
        const parsed = UpdatePatchSchema.safeParse({ body: form.get("body") });
        if (!parsed.success) return refused(name, parsed.error);
        return done(await editUpdate(actor, updateId, parsed.data, scope));
      }
      case "request-approval":
        return done(await requestApproval(actor, updateId, scope));
      case "approve":
        return done(await approveUpdate(actor, updateId, scope));
      case "approve-publish":
        return done(await approveUpdate(actor, updateId, scope, { publish: true }));
      case "refuse": {
        const parsed = RefuseSchema.safeParse({ reason: form.get("reason") ?? undefined });
        if (!parsed.success) return refused(name, parsed.error);
        return done(await refuseUpdate(actor, updateId, parsed.data.reason, scope));
      }
      case "publish":
        return done(await publishUpdate(actor, updateId, scope));
      case "discard":
        await discardUpdate(actor, updateId, scope);
        return done();
      default:
        return unhandledIntent(intent);
    }
  } catch (error) {
    return formFailed(error, { form: name });
  }
});

export default function CommsTab() {
  const data = useLoaderData<typeof loader>();
  const live = useIncidentStream({ updates: data.updates, lastSeq: data.lastSeq });
  const promises = new Map(data.promises.map((p) => [p.updateId, p.outcome]));
  const drafts = live.updates.filter((u) => u.state !== "published");
  const published = live.updates.filter((u) => u.state === "published");
  useDraftCount(drafts.length);
  return (
    <div>
      <RoomKeyboard incidentId={live.incident.id} lastEntry={null} canWrite={false} tab="comms" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0">
          {data.can.canDraft && data.resolvedPublishedAt ? (
            <ResolutionPublished incidentId={live.incident.id} at={data.resolvedPublishedAt} timeZone={data.timeZone} />
          ) : data.can.canDraft ? (
            <UpdateComposer
              // a prompt in the room asked for a status's draft: start again from it (only then, never losing text on a revalidation)
              key={data.askedStatus ?? ""}
              incidentId={live.incident.id}
              title={live.incident.public.title ?? live.incident.title}
              firstPublish={!live.incident.public.publishedAt}
              needsApproval={data.can.sev1}
              canPublish={data.can.canPublish}
              components={data.components}
              draft={data.draft}
              templates={data.templates}
              nextChoices={NEXT_UPDATE_CHOICES}
              timeZone={data.timeZone}
            />
          ) : (
            <p className="text-sm text-slate-600">Your role can read the updates but not draft them.</p>
          )}
        </div>
        <div className="min-w-0 space-y-4">
          <section aria-labelledby="cadence-heading" className="rounded-lg border border-slate-300 bg-white p-3 text-sm">
            <h2 id="cadence-heading" className="mb-1 font-semibold">
              Cadence
            </h2>
            {live.incident.public.status && live.incident.public.status !== "resolved" ? (
              <NextUpdateDue dueAt={live.incident.public.nextUpdateDueAt} timeZone={data.timeZone} />
            ) : null}
            <p className="mt-1 text-slate-700" data-testid="promise-record">
              Promises kept: {data.promiseCounts.kept} · missed: {data.promiseCounts.missed}
              {data.promiseCounts.pending ? ` · due: ${data.promiseCounts.pending}` : ""}
            </p>
            <p className="mt-1">
              <a href={`/status/incidents/${live.incident.id}`} target="_blank" rel="noreferrer">
                Open on the public status page ↗
              </a>
            </p>
          </section>
          <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading" className="mb-2 text-lg font-semibold">
              Drafts and approvals
            </h2>
            {drafts.length ? (
              <ul className="space-y-2">
                {drafts.map((u) => (
                  <UpdateCard key={u.id} update={u} can={data.can} timeZone={data.timeZone} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No drafts.</p>
            )}
          </section>
          <section aria-labelledby="published-heading">
            <h2 id="published-heading" className="mb-2 text-lg font-semibold">
              Published
            </h2>
            {published.length ? (
              <ul className="space-y-2">
                {published.map((u) => (
                  <UpdateCard key={u.id} update={u} can={data.can} timeZone={data.timeZone} promise={promises.get(u.id)} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">Nothing published yet: the incident is not on the public page.</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const incident = incidentOf(matches);
  return [{ title: incident ? `Comms · ${incident.ref} ${incident.title} · Incident Desk` : "Comms · Incident Desk" }];
};
