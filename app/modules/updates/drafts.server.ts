// Drafting status-page updates: write, edit, ask for approval, approve or refuse, discard. Every
// change is role-checked by the route, rule-checked here, audited, and sent on the
// incident's stream so every open comms tab sees it. Whoever writes is recorded as a
// contributor, and no contributor approves (decision 29).
import type { Actor } from "~/modules/auth/actor.ts";
import { announceNotifications, storeNotifications } from "~/modules/notifications/notifications.server.ts";
import type { NotificationDraft } from "~/modules/notifications/rules.ts";
import { checkComponents } from "~/modules/incidents/references.server.ts";
import { getIncident } from "~/modules/incidents/queries.server.ts";
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";
import { renderTemplate, TemplateError } from "~/modules/notices/liquid.ts";
import { namedTemplateForDraft } from "~/modules/notices/named-templates.server.ts";
import { updateTemplateSource } from "~/modules/notices/saved-templates.server.ts";
import { recordIncidentChange, withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { recordUpdateContributor } from "./contributors.server.ts";
import { refuseResolvedAgain } from "./resolution.server.ts";
import { publishInTransaction, afterPublish, type UpdateScope } from "./publish.server.ts";
import { approvalRefusal, editRefusal, needsApproval, returnRefusal, stateAfterEdit, type UpdateStateName } from "./rules.ts";
import type { NewUpdateInput, RootCauseReportInput, UpdatePatch } from "./schemas.ts";
import { updateVariables } from "./variables.server.ts";
import { loadUpdateRow, updateView } from "./views.server.ts";
import type { UpdateView } from "./views.ts";
import { approvalAskedOf, approvalAnswered, approvalRefused } from "./notifications.server.ts";
import { settleApprovalMessage } from "~/modules/slack/inbound-outbox.server.ts";

/**
 * The template for this status (the default, or the named one asked for by id, key or name),
 * filled with the incident's data; a broken template or an unknown name is a 422.
 */
export async function draftBody(
  incidentId: string,
  status: NewUpdateInput["status"],
  nextUpdateInMinutes: number | null,
  template?: string,
): Promise<string> {
  const incident = await getIncident(incidentId);
  if (!incident) notFound("Incident");
  const named = template ? await namedTemplateForDraft(status, template) : null;
  const source = named?.source ?? (await updateTemplateSource(status));
  try {
    return renderTemplate(source, { ...(await updateVariables(incident, { status, nextUpdateInMinutes })) });
  } catch (error) {
    const which = named ? `“${named.name}” template` : `${status} template`;
    if (error instanceof TemplateError) {
      fail("invalid", `The ${which} cannot be used: ${error.message}`, { [named ? "template" : "body"]: error.message });
    }
    throw error;
  }
}

async function entryText(incidentId: string, entryId: string): Promise<string> {
  const entry = await db.$transaction((tx) =>
    tx.timelineEntry.findFirst({ where: { id: entryId, incidentId, deletedAt: null }, select: { text: true } }),
  );
  if (!entry) fail("invalid", "Some fields are not valid.", { fromEntryId: "no such timeline entry in this incident" });
  return entry.text;
}

/**
 * Writes a draft. With `publish`, a caller who may publish gets it published at once, or,
 * where a second person must approve first, sent for approval.
 */
export async function createUpdate(actor: Actor, incidentId: string, input: NewUpdateInput | RootCauseReportInput): Promise<UpdateView> {
  const nextUpdateInMinutes = input.nextUpdateInMinutes ?? null;
  const body =
    input.body ??
    (input.fromEntryId
      ? await entryText(incidentId, input.fromEntryId)
      : input.status === "postmortem"
        ? ""
        : await draftBody(incidentId, input.status, nextUpdateInMinutes, "template" in input ? input.template : undefined));
  const now = new Date();
  const { view, notified } = await withIncidentChanges(
    async (tx) => {
      const { value: drafted } = await recordIncidentChange(tx, actor, incidentId, async () => {
        const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { severity: true, number: true } });
        await checkComponents(tx, input.components);
        await refuseResolvedAgain(tx, incidentId, input.status);
        const id = newId();
        let state: UpdateStateName = "draft";
        // `publish` where a second person must approve is a request for approval, which anyone who may
        // draft may make; where it would publish at once, publishing decides who may (and undoes the draft).
        if (input.publish && needsApproval(incident.severity as SeverityName, null, input.status)) state = "awaiting_approval";
        await tx.statusUpdate.create({
          data: {
            id,
            incidentId,
            status: input.status,
            body,
            state,
            notify: input.notify,
            nextUpdateInMinutes,
            sourceEntryId: input.fromEntryId ?? null,
            authorId: actor.userId,
            components: { create: input.components.map((c) => ({ componentId: c.id, newStatus: c.status })) },
            contributors: { create: { userId: actor.userId } },
          },
        });
        if (input.title) await tx.incident.updateMany({ where: { id: incidentId, publishedAt: null }, data: { publicTitle: input.title } });
        const contributors = [{ id: actor.userId, name: actor.name }];
        const template = "template" in input ? input.template : undefined;
        const after = { incidentId, status: input.status, body, state, contributors, ...(template ? { template } : {}) };
        const view = updateView((await loadUpdateRow(tx, id))!);
        const audit = { action: "update.drafted", entityType: "StatusUpdate", entityId: id, after };
        return { value: { id, state, number: incident.number, view }, event: { type: "update.changed", data: view }, audit };
      });
      const { id, state } = drafted;
      const published = input.publish === true && state === "draft";
      // publishing is a change of its own, after the draft's
      if (published) await publishInTransaction(tx, actor, id, now);
      const view = published ? updateView((await loadUpdateRow(tx, id))!) : drafted.view;
      const asked = { id, incidentId, body, status: input.status, authorId: actor.userId, contributorIds: [actor.userId] };
      const told = state === "awaiting_approval" ? await approvalAskedOf(tx, actor, asked, drafted.number) : [];
      return { view, published, notified: await storeNotifications(tx, told) };
    },
    { beforeAnnounce: async ({ published }) => (published ? afterPublish() : undefined) },
  );
  await announceNotifications(notified);
  return view;
}

/** Loads the update for a change, refusing unknown ids, updates of maintenance and updates outside the scope. */
async function changeUpdate(
  actor: Actor,
  updateId: string,
  scope: UpdateScope,
  change: (
    tx: Tx,
    row: NonNullable<Awaited<ReturnType<typeof loadUpdateRow>>>,
    incident: { severity: SeverityName; number: number },
  ) => Promise<{ action: string; deleted?: true; notify?: NotificationDraft[]; publish?: true; reason?: string }>,
): Promise<UpdateView> {
  const result = await withIncidentChanges(
    async (tx) => {
      const peek = await tx.statusUpdate.findUnique({ where: { id: updateId }, select: { incidentId: true } });
      if (!peek?.incidentId || (scope.incidentId !== undefined && peek.incidentId !== scope.incidentId)) notFound("Update");
      // Recording the change first locks the incident: changes to its updates run one after the
      // other, so an approval always reads the contributors of an edit made a moment before.
      const { value } = await recordIncidentChange(tx, actor, peek.incidentId, async () => {
        const before = await loadUpdateRow(tx, updateId);
        if (!before?.incidentId) notFound("Update");
        const incident = await tx.incident.findUniqueOrThrow({
          where: { id: before.incidentId },
          select: { severity: true, number: true },
        });
        const outcome = await change(tx, before, { severity: incident.severity as SeverityName, number: incident.number });
        const after = outcome.deleted ? null : await loadUpdateRow(tx, updateId);
        const changed = after ? updateView(after) : updateView(before);
        const audit = {
          action: outcome.action,
          entityType: "StatusUpdate",
          entityId: updateId,
          before: { state: before.state, status: before.status, body: before.body },
          after: after
            ? {
                state: changed.state,
                status: changed.status,
                body: changed.body,
                contributors: changed.contributors,
                ...(outcome.reason ? { reason: outcome.reason } : {}),
              }
            : null,
        };
        const event = { type: "update.changed" as const, data: after ? changed : { id: updateId, deleted: true as const } };
        return { value: { outcome, changed }, event, audit };
      });
      // Approve and publish: the second step in the same transaction, with its own checks, audit row and events.
      const published = value.outcome.publish === true;
      if (published) await publishInTransaction(tx, actor, updateId, new Date());
      const view = published ? updateView((await loadUpdateRow(tx, updateId))!) : value.changed;
      const notified = await storeNotifications(tx, value.outcome.notify ?? []);
      return { view, published, notified };
    },
    { beforeAnnounce: async ({ published }) => (published ? afterPublish() : undefined) },
  );
  await announceNotifications(result.notified);
  return result.view;
}

export function editUpdate(actor: Actor, updateId: string, patch: UpdatePatch, scope: UpdateScope = {}): Promise<UpdateView> {
  return changeUpdate(actor, updateId, scope, async (tx, row) => {
    const refusal = editRefusal({ state: row.state as UpdateStateName });
    if (refusal) fail(refusal.code, refusal.message);
    if (patch.components) await checkComponents(tx, patch.components);
    if (row.incidentId) await refuseResolvedAgain(tx, row.incidentId, patch.status);
    const state = stateAfterEdit(row.state as UpdateStateName);
    await tx.statusUpdate.update({
      where: { id: updateId },
      data: {
        status: patch.status,
        body: patch.body,
        notify: patch.notify,
        nextUpdateInMinutes: patch.nextUpdateInMinutes,
        state,
        ...(row.approvedById !== null ? { approvedById: null, approvedAt: null } : {}),
        ...(patch.components
          ? { components: { deleteMany: {}, create: patch.components.map((c) => ({ componentId: c.id, newStatus: c.status })) } }
          : {}),
      },
    });
    if (patch.title && row.incidentId)
      await tx.incident.updateMany({ where: { id: row.incidentId, publishedAt: null }, data: { publicTitle: patch.title } });
    // Whoever changes any of it has written it, and may no longer approve it.
    await recordUpdateContributor(tx, updateId, actor.userId);
    return { action: "update.edited" };
  });
}

export function requestApproval(actor: Actor, updateId: string, scope: UpdateScope = {}): Promise<UpdateView> {
  return changeUpdate(actor, updateId, scope, async (tx, row, incident) => {
    if (row.state !== "draft") fail("conflict", `Only a draft can be sent for approval; this update is ${row.state.replace("_", " ")}.`);
    await tx.statusUpdate.update({ where: { id: updateId }, data: { state: "awaiting_approval", ...NOT_RETURNED } });
    const written = { authorId: row.authorId, contributorIds: row.contributors.map((c) => c.user.id) };
    const notify = await approvalAskedOf(
      tx,
      actor,
      { id: updateId, incidentId: row.incidentId!, body: row.body, status: row.status, ...written },
      incident.number,
    );
    return { action: "update.approval_requested", notify };
  });
}

/**
 * Approves an update; with `publish`, publishes it in the same transaction (Approve and publish),
 * which only someone who may publish may do: otherwise nothing changes.
 */
export function approveUpdate(
  actor: Actor,
  updateId: string,
  scope: UpdateScope = {},
  options: { publish?: boolean } = {},
): Promise<UpdateView> {
  return changeUpdate(actor, updateId, scope, async (tx, row, incident) => {
    const written = { authorId: row.authorId, contributorIds: row.contributors.map((c) => c.user.id) };
    const update = { ...written, state: row.state as UpdateStateName, approvedById: row.approvedById, status: row.status };
    const refusal = approvalRefusal(update, actor.userId);
    if (refusal) fail(refusal.code, refusal.message);
    await tx.statusUpdate.update({
      where: { id: updateId },
      data: { state: "approved", approvedById: actor.userId, approvedAt: new Date(), ...NOT_RETURNED },
    });
    await settleApprovalMessage(tx, updateId);
    const notify = approvalAnswered(
      actor,
      { id: updateId, incidentId: row.incidentId!, status: row.status, authorId: row.authorId },
      incident.number,
      options.publish === true,
    );
    return { action: "update.approved", notify, ...(options.publish ? { publish: true as const } : {}) };
  });
}

/** A refusal is forgotten once the update is sent again or approved. */
const NOT_RETURNED = { returnedById: null, returnedAt: null, returnedReason: null } as const;

/**
 * Refuses an update awaiting approval (decision 0046): it goes back to its author as a draft with
 * the reason, which the author is told. Only someone who could approve it refuses it.
 */
export function refuseUpdate(actor: Actor, updateId: string, reason: string, scope: UpdateScope = {}): Promise<UpdateView> {
  return changeUpdate(actor, updateId, scope, async (tx, row, incident) => {
    const written = { authorId: row.authorId, contributorIds: row.contributors.map((c) => c.user.id) };
    const refusal = returnRefusal({ ...written, state: row.state as UpdateStateName, status: row.status }, actor.userId);
    if (refusal) fail(refusal.code, refusal.message);
    await tx.statusUpdate.update({
      where: { id: updateId },
      data: {
        state: "draft",
        approvedById: null,
        approvedAt: null,
        returnedById: actor.userId,
        returnedAt: new Date(),
        returnedReason: reason,
      },
    });
    await settleApprovalMessage(tx, updateId);
    const notify = approvalRefused(
      actor,
      { id: updateId, incidentId: row.incidentId!, status: row.status, authorId: row.authorId },
      incident.number,
      reason,
    );
    return { action: "update.refused", notify, reason };
  });
}

export async function discardUpdate(actor: Actor, updateId: string, scope: UpdateScope = {}): Promise<void> {
  await changeUpdate(actor, updateId, scope, async (tx, row) => {
    const refusal = editRefusal({ state: row.state as UpdateStateName });
    if (refusal) fail(refusal.code, "A published update cannot be discarded.");
    await tx.statusUpdate.delete({ where: { id: updateId } });
    return { action: "update.discarded", deleted: true };
  });
}
