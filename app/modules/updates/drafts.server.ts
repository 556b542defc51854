// Drafting status-page updates: write, edit, ask for approval, approve, discard. Every
// change is role-checked by the route, rule-checked here, audited, and sent on the
// incident's stream so every open comms tab sees it.
import type { Actor } from "~/modules/auth/actor.ts";
import { can } from "~/modules/auth/roles.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { checkComponents } from "~/modules/incidents/references.server.ts";
import { getIncident } from "~/modules/incidents/queries.server.ts";
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";
import { renderTemplate, TemplateError } from "~/modules/notices/templates.ts";
import { updateTemplateSource } from "~/modules/notices/templates.server.ts";
import { announceEvents, storeEvent, takeNextSeq } from "~/modules/timeline/events.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { publishInTransaction, afterPublish } from "./publish.server.ts";
import { approvalRefusal, editRefusal, needsApproval, stateAfterEdit, type UpdateStateName } from "./rules.ts";
import type { NewUpdateInput, RootCauseReportInput, UpdatePatch } from "./schemas.ts";
import { updateVariables } from "./variables.server.ts";
import { loadUpdateRow, updateView, type UpdateView } from "./views.server.ts";

/** The template for this status, filled with the incident's data; a broken template is a 422. */
export async function draftBody(incidentId: string, status: NewUpdateInput["status"], nextUpdateInMinutes: number | null): Promise<string> {
  const incident = await getIncident(incidentId);
  if (!incident) notFound("Incident");
  const source = await updateTemplateSource(status);
  try {
    return renderTemplate(source, { ...(await updateVariables(incident, { status, nextUpdateInMinutes })) });
  } catch (error) {
    if (error instanceof TemplateError) fail("invalid", `The ${status} template cannot be used: ${error.message}`, { body: error.message });
    throw error;
  }
}

async function entryText(incidentId: string, entryId: string): Promise<string> {
  const entry = await db.$transaction((tx) => tx.timelineEntry.findFirst({ where: { id: entryId, incidentId, deletedAt: null }, select: { text: true } }));
  if (!entry) fail("invalid", "Some fields are not valid.", { fromEntryId: "no such timeline entry in this incident" });
  return entry.text;
}

/**
 * Writes a draft. With `publish`, a caller who may publish gets it published at once, or,
 * where a second person must approve first, sent for approval.
 */
export async function createUpdate(actor: Actor, incidentId: string, input: NewUpdateInput | RootCauseReportInput): Promise<UpdateView> {
  if (input.publish && !can(actor.role, "update:publish")) fail("forbidden", "Your role cannot publish updates.");
  const nextUpdateInMinutes = input.nextUpdateInMinutes ?? null;
  const body =
    input.body ??
    (input.fromEntryId ? await entryText(incidentId, input.fromEntryId) : input.status === "postmortem" ? "" : await draftBody(incidentId, input.status, nextUpdateInMinutes));
  const now = new Date();
  const { view, seq, published } = await db.$transaction(async (tx) => {
    const seq = await takeNextSeq(tx, incidentId);
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { severity: true } });
    await checkComponents(tx, input.components);
    const id = newId();
    let state: UpdateStateName = "draft";
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
      },
    });
    if (input.title) await tx.incident.updateMany({ where: { id: incidentId, publishedAt: null }, data: { publicTitle: input.title } });
    await recordAudit(tx, actor, { action: "update.drafted", entityType: "StatusUpdate", entityId: id, after: { incidentId, status: input.status, body, state } });
    const publish = input.publish && state === "draft";
    let publishedSeq = seq;
    if (publish) publishedSeq = await publishInTransaction(tx, actor, id, now);
    const view = updateView((await loadUpdateRow(tx, id))!);
    await storeEvent(tx, incidentId, seq, "update.changed", view);
    return { view, seq: publishedSeq, published: publish };
  });
  if (published) await afterPublish();
  await announceEvents(incidentId, seq);
  return view;
}

/** Loads the update for a change, refusing unknown ids and updates of maintenance. */
async function changeUpdate(
  actor: Actor,
  updateId: string,
  change: (tx: Tx, row: NonNullable<Awaited<ReturnType<typeof loadUpdateRow>>>, severity: SeverityName) => Promise<{ action: string; deleted?: true } | null>,
): Promise<UpdateView> {
  const result = await db.$transaction(async (tx) => {
    const before = await loadUpdateRow(tx, updateId);
    if (!before || !before.incidentId) notFound("Update");
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: before.incidentId }, select: { severity: true } });
    const outcome = await change(tx, before, incident.severity as SeverityName);
    if (!outcome) return { view: updateView(before), seq: null, incidentId: before.incidentId };
    const seq = await takeNextSeq(tx, before.incidentId);
    const after = outcome.deleted ? null : await loadUpdateRow(tx, updateId);
    const view = after ? updateView(after) : updateView(before);
    await storeEvent(tx, before.incidentId, seq, "update.changed", after ? view : { id: updateId, deleted: true });
    await recordAudit(tx, actor, {
      action: outcome.action,
      entityType: "StatusUpdate",
      entityId: updateId,
      before: { state: before.state, status: before.status, body: before.body },
      after: after ? { state: view.state, status: view.status, body: view.body } : null,
    });
    return { view, seq, incidentId: before.incidentId };
  });
  if (result.seq !== null) await announceEvents(result.incidentId, result.seq);
  return result.view;
}

export function editUpdate(actor: Actor, updateId: string, patch: UpdatePatch): Promise<UpdateView> {
  return changeUpdate(actor, updateId, async (tx, row) => {
    const refusal = editRefusal({ state: row.state as UpdateStateName });
    if (refusal) fail(refusal.code, refusal.message);
    if (patch.components) await checkComponents(tx, patch.components);
    const state = stateAfterEdit(row.state as UpdateStateName);
    await tx.statusUpdate.update({
      where: { id: updateId },
      data: {
        status: patch.status,
        body: patch.body,
        notify: patch.notify,
        nextUpdateInMinutes: patch.nextUpdateInMinutes,
        state,
        ...(state !== row.state ? { approvedById: null, approvedAt: null } : {}),
        ...(patch.components
          ? { components: { deleteMany: {}, create: patch.components.map((c) => ({ componentId: c.id, newStatus: c.status })) } }
          : {}),
      },
    });
    if (patch.title && row.incidentId) await tx.incident.updateMany({ where: { id: row.incidentId, publishedAt: null }, data: { publicTitle: patch.title } });
    return { action: "update.edited" };
  });
}

export function requestApproval(actor: Actor, updateId: string): Promise<UpdateView> {
  return changeUpdate(actor, updateId, async (tx, row) => {
    if (row.state !== "draft") fail("conflict", `Only a draft can be sent for approval; this update is ${row.state.replace("_", " ")}.`);
    await tx.statusUpdate.update({ where: { id: updateId }, data: { state: "awaiting_approval" } });
    return { action: "update.approval_requested" };
  });
}

export function approveUpdate(actor: Actor, updateId: string): Promise<UpdateView> {
  return changeUpdate(actor, updateId, async (tx, row) => {
    const refusal = approvalRefusal({ state: row.state as UpdateStateName, authorId: row.authorId }, actor.userId);
    if (refusal) fail(refusal.code, refusal.message);
    await tx.statusUpdate.update({ where: { id: updateId }, data: { state: "approved", approvedById: actor.userId, approvedAt: new Date() } });
    return { action: "update.approved" };
  });
}

export async function discardUpdate(actor: Actor, updateId: string): Promise<void> {
  await changeUpdate(actor, updateId, async (tx, row) => {
    const refusal = editRefusal({ state: row.state as UpdateStateName });
    if (refusal) fail(refusal.code, "A published update cannot be discarded.");
    await tx.statusUpdate.delete({ where: { id: updateId } });
    return { action: "update.discarded", deleted: true };
  });
}
