// Publishing: in one transaction the update goes out, the incident's public face and the
// components' public statuses move, a timeline entry and an audit row are written. After
// the commit the public snapshot is rebuilt before the caller gets its answer.
import type { Actor } from "~/modules/auth/actor.ts";
import { OPEN_PUBLIC_STATUSES, recomputePublicStatuses } from "~/modules/components/public-status.server.ts";
import type { SeverityName } from "~/modules/incidents/lifecycle.ts";
import { incidentView, loadIncidentRow } from "~/modules/incidents/view.server.ts";
import type { ComponentStatusName } from "~/modules/status-page/model.ts";
import { refreshStatusPage } from "~/modules/status-page/store.server.ts";
import { enqueueNotices } from "~/modules/delivery/enqueue.server.ts";
import { wakeWorker } from "~/modules/delivery/worker.server.ts";
import { enqueueWebhooks } from "~/modules/delivery/webhooks.server.ts";
import { enqueueSlackHookNotices } from "~/modules/subscribers/slack-hooks.server.ts";
import { addSystemEntry } from "~/modules/timeline/entries.server.ts";
import { recordIncidentChange, withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import { COMPONENT_STATUS_LABELS } from "~/modules/status-page/model.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { nextUpdateDue, publicImpact, publicTimes, publishedEntryText, publishRefusal, type UpdateStateName } from "./rules.ts";
import { mayPublishUpdate, PUBLISH_REFUSED } from "./publish-permission.ts";
import { refuseResolvedAgain } from "./resolution.server.ts";
import { loadUpdateRow, updateView } from "./views.server.ts";
import type { UpdateView } from "./views.ts";

/** Where a change comes from: a page of one incident acts only on that incident's updates. */
export type UpdateScope = { incidentId?: string };

/** Publishes an update; with `scope`, only an update of that incident (a form of its page). */
export async function publishUpdate(actor: Actor, updateId: string, scope: UpdateScope = {}): Promise<UpdateView> {
  await withIncidentChanges(
    async (tx) => {
      const row = await tx.statusUpdate.findUnique({ where: { id: updateId }, select: { incidentId: true } });
      if (!row?.incidentId || (scope.incidentId !== undefined && row.incidentId !== scope.incidentId)) notFound("Update");
      await publishInTransaction(tx, actor, updateId, new Date());
    },
    // The public page first: when the room hears "published", readers already see it.
    { beforeAnnounce: afterPublish },
  );
  return await db.$transaction((tx) => loadUpdateRow(tx, updateId)).then((row) => updateView(row!));
}

/** Whether this person may publish this incident's updates (the comms tab's Publish buttons). */
export async function mayPublishIncidentUpdates(actor: Actor, incidentId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { commanderId: true } });
    const settings = await tx.organization.findUnique({ where: { id: "org" }, select: { commanderMayPublish: true } });
    return !!incident && mayPublishUpdate(actor, incident, { commanderMayPublish: settings?.commanderMayPublish ?? false });
  });
}

/** Publishes inside the caller's transaction, one of withIncidentChanges. */
export async function publishInTransaction(tx: Tx, actor: Actor, updateId: string, now: Date): Promise<void> {
  const peek = await tx.statusUpdate.findUnique({ where: { id: updateId }, select: { incidentId: true } });
  if (!peek?.incidentId) notFound("Update");
  const incidentId = peek.incidentId;
  // Recording the change first locks the incident row: two publishes of one incident run one after the other.
  await recordIncidentChange(tx, actor, incidentId, async () => {
    const { view, audit } = await publishLocked(tx, actor, incidentId, updateId, now);
    return { value: undefined, event: { type: "update.changed", data: view }, audit };
  });
}

/** The publish itself, under the incident's lock: what the room hears of the update, and the audit row. */
async function publishLocked(tx: Tx, actor: Actor, incidentId: string, updateId: string, now: Date) {
  const row = (await loadUpdateRow(tx, updateId))!;
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
  const settings = await tx.organization.findUnique({ where: { id: "org" }, select: { commanderMayPublish: true } });
  if (!mayPublishUpdate(actor, incident, { commanderMayPublish: settings?.commanderMayPublish ?? false }))
    fail("forbidden", PUBLISH_REFUSED);
  const written = { authorId: row.authorId, contributorIds: row.contributors.map((c) => c.user.id) };
  const update = { ...written, state: row.state as UpdateStateName, approvedById: row.approvedById, status: row.status };
  const refusal = publishRefusal(update, incident.severity as SeverityName);
  if (refusal) fail(refusal.code, refusal.message);
  await refuseResolvedAgain(tx, incident.id, row.status);
  const report = row.status === "postmortem";
  if (report && incident.publicStatus !== "resolved" && incident.publicStatus !== "postmortem") {
    fail("conflict", "Publish the update that resolves the incident on the status page before its root-cause report.");
  }

  const named = row.components.map((c) => c.componentId);
  const current = await tx.component.findMany({ where: { id: { in: named } }, select: { id: true, status: true } });
  for (const component of current) {
    await tx.statusUpdateComponent.update({
      where: { updateId_componentId: { updateId, componentId: component.id } },
      data: { oldStatus: component.status },
    });
  }
  const nextUpdateAt = nextUpdateDue(row, now);
  await tx.statusUpdate.update({
    where: { id: updateId },
    data: { state: "published", publishedAt: now, publishedById: actor.userId, nextUpdateAt },
  });

  const claimed = await tx.statusUpdateComponent.findMany({
    where: { update: { incidentId: incident.id, state: "published" } },
    select: { componentId: true, newStatus: true },
  });
  const resolving = row.status === "resolved";
  await tx.incident.update({
    where: { id: incident.id },
    data: {
      publicStatus: row.status as (typeof OPEN_PUBLIC_STATUSES)[number] | "resolved",
      publicTitle: incident.publicTitle ?? incident.title,
      publicImpact: publicImpact(
        claimed.map((c) => c.newStatus as ComponentStatusName),
        incident.severity as SeverityName,
      ),
      publishedAt: incident.publishedAt ?? now,
      publicUpdatedAt: now,
      ...publicTimes(row.status, incident, now),
      nextUpdateDueAt: nextUpdateAt,
    },
  });
  if (row.notify) await enqueueNotices(tx, updateId, [...new Set([...named, ...claimed.map((c) => c.componentId)])]);
  const toRecompute = resolving ? [...new Set([...named, ...claimed.map((c) => c.componentId)])] : named;
  const changes = await recomputePublicStatuses(tx, toRecompute, now, { updateId });
  if (row.notify) await enqueueWebhooks(tx, updateId, changes, now);
  if (row.notify) await enqueueSlackHookNotices(tx, updateId);

  const moved = changes.map((c) => `${c.name}: ${COMPONENT_STATUS_LABELS[c.from]} → ${COMPONENT_STATUS_LABELS[c.to]}`);
  const text = publishedEntryText(row.status, row.body, moved);
  await addSystemEntry(tx, actor, incident.id, "update_published", text, now);
  const view = updateView((await loadUpdateRow(tx, updateId))!);
  // the incident's public face moved: the room hears it as a change of the incident, after the entry
  await recordIncidentChange(tx, actor, incident.id, async () => {
    const changed = incidentView((await loadIncidentRow(tx, incident.id))!);
    return { value: undefined, event: { type: "incident.updated", data: changed } };
  });
  const audit = {
    action: "update.published",
    entityType: "StatusUpdate",
    entityId: updateId,
    before: { state: row.state },
    after: {
      state: "published",
      status: row.status,
      body: row.body,
      componentChanges: changes,
      nextUpdateAt,
      approvedBy: view.approvedBy,
      contributors: view.contributors,
    },
  };
  return { view, audit };
}

/** After a commit: the public page shows the change before the publisher gets an answer. */
export async function afterPublish(): Promise<void> {
  await refreshStatusPage();
  wakeWorker();
}
