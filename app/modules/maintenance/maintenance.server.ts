// Scheduled maintenance: announced when scheduled, then started and completed by the clock
// (or earlier by a person). Each step publishes an update, holds or releases its components,
// is audited, and rebuilds the public page.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { recomputePublicStatuses, type StatusChange } from "~/modules/components/public-status.server.ts";
import { enqueueWebhooks } from "~/modules/delivery/webhooks.server.ts";
import { checkComponents } from "~/modules/incidents/references.server.ts";
import type { MaintenanceStatusName } from "~/modules/status-page/model.ts";
import { refreshStatusPage } from "~/modules/status-page/store.server.ts";
import { enqueueNotices } from "~/modules/delivery/enqueue.server.ts";
import { enqueueSlackHookNotices } from "~/modules/subscribers/slack-hooks.server.ts";
import { wakeWorker } from "~/modules/delivery/worker.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { canMoveMaintenance, dueMoves, MAINTENANCE_MESSAGES } from "./lifecycle.ts";
import type { MaintenanceUpdateInput, NewMaintenanceInput } from "./schemas.ts";
import type { MaintenanceView } from "./view.ts";

const INCLUDE = {
  createdBy: { select: { id: true, name: true } },
  components: { include: { component: { select: { id: true, name: true } } } },
  updates: {
    where: { state: "published" },
    orderBy: { publishedAt: "desc" },
    select: { id: true, status: true, body: true, publishedAt: true },
  },
} as const;

function view(row: NonNullable<Awaited<ReturnType<typeof load>>>): MaintenanceView {
  return {
    id: row.id,
    title: row.title,
    status: row.status as MaintenanceStatusName,
    scheduledFor: row.scheduledFor.toISOString(),
    scheduledUntil: row.scheduledUntil.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    components: row.components.map((c) => c.component),
    updates: row.updates.map((u) => ({ id: u.id, status: u.status, body: u.body, publishedAt: u.publishedAt!.toISOString() })),
    createdBy: row.createdBy,
  };
}

function load(tx: Pick<Tx, "maintenance">, id: string) {
  return tx.maintenance.findUnique({ where: { id }, include: INCLUDE });
}

export async function listMaintenances(): Promise<MaintenanceView[]> {
  const rows = await db.$transaction((tx) => tx.maintenance.findMany({ include: INCLUDE, orderBy: { scheduledFor: "desc" }, take: 200 }));
  return rows.map(view);
}

export async function getMaintenance(id: string): Promise<MaintenanceView> {
  const row = await db.$transaction((tx) => load(tx, id));
  if (!row) notFound("Maintenance");
  return view(row);
}

async function publishStep(
  tx: Tx,
  maintenanceId: string,
  authorId: string,
  status: MaintenanceStatusName,
  body: string,
  notify: boolean,
  now: Date,
  changes: StatusChange[] = [],
) {
  const id = newId();
  await tx.statusUpdate.create({
    data: {
      id,
      maintenanceId,
      status,
      body,
      state: "published",
      notify,
      authorId,
      publishedById: authorId,
      publishedAt: now,
      contributors: { create: { userId: authorId } },
    },
  });
  if (notify) {
    const components = await tx.maintenanceComponent.findMany({ where: { maintenanceId }, select: { componentId: true } });
    await enqueueNotices(
      tx,
      id,
      components.map((c) => c.componentId),
    );
    await enqueueWebhooks(tx, id, changes, now);
    await enqueueSlackHookNotices(tx, id);
  }
}

export async function scheduleMaintenance(actor: Actor, input: NewMaintenanceInput): Promise<MaintenanceView> {
  const now = new Date();
  const id = newId();
  await db.$transaction(async (tx) => {
    await checkComponents(
      tx,
      input.components.map((componentId) => ({ id: componentId })),
    );
    await tx.maintenance.create({
      data: {
        id,
        title: input.title,
        scheduledFor: input.scheduledFor,
        scheduledUntil: input.scheduledUntil,
        createdById: actor.userId,
        components: { create: input.components.map((componentId) => ({ componentId })) },
      },
    });
    await publishStep(tx, id, actor.userId, "scheduled", input.body ?? MAINTENANCE_MESSAGES.scheduled, input.notify, now);
    await recordAudit(tx, actor, { action: "maintenance.scheduled", entityType: "Maintenance", entityId: id, after: input });
  });
  // A window that has already begun starts now.
  await advanceMaintenance(id, now);
  await refreshStatusPage();
  wakeWorker();
  return getMaintenance(id);
}

/**
 * Moves a window to a status, guarded by its current status so that two instances of the
 * app (or a person and the clock) never both make the same move. Returns false if it lost.
 */
async function move(
  tx: Tx,
  actor: Actor | null,
  id: string,
  from: MaintenanceStatusName,
  to: MaintenanceStatusName,
  body: string | undefined,
  now: Date,
): Promise<boolean> {
  const claimed = await tx.maintenance.updateMany({
    where: { id, status: from },
    data: {
      status: to,
      ...(to === "in_progress" && from === "scheduled" ? { startedAt: now } : {}),
      ...(to === "completed" ? { completedAt: now } : {}),
    },
  });
  if (claimed.count === 0) return false;
  const row = await tx.maintenance.findUniqueOrThrow({ where: { id }, include: { components: true } });
  const changes = await recomputePublicStatuses(
    tx,
    row.components.map((c) => c.componentId),
    now,
    { maintenanceId: id },
  );
  await publishStep(tx, id, actor?.userId ?? row.createdById, to, body ?? MAINTENANCE_MESSAGES[to], true, now, changes);
  await recordAudit(tx, actor, {
    action: `maintenance.${to}`,
    entityType: "Maintenance",
    entityId: id,
    before: { status: from },
    after: { status: to, by: actor ? "person" : "schedule" },
  });
  return true;
}

/** A person moves the window and/or posts a message. */
export async function postMaintenanceUpdate(actor: Actor, id: string, input: MaintenanceUpdateInput): Promise<MaintenanceView> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    const row = await tx.maintenance.findUnique({ where: { id } });
    if (!row) notFound("Maintenance");
    const from = row.status as MaintenanceStatusName;
    if (input.status && input.status !== from) {
      if (!canMoveMaintenance(from, input.status))
        fail("conflict", `A maintenance cannot move from ${from} to ${input.status}.`, { status: `cannot move from ${from}` });
      await move(tx, actor, id, from, input.status, input.body, now);
    } else {
      if (from === "completed") fail("conflict", "This maintenance is completed.");
      await publishStep(tx, id, actor.userId, from, input.body!, true, now);
      await tx.maintenance.update({ where: { id }, data: { updatedAt: now } });
      await recordAudit(tx, actor, { action: "maintenance.updated", entityType: "Maintenance", entityId: id, after: { body: input.body } });
    }
  });
  await refreshStatusPage();
  wakeWorker();
  return getMaintenance(id);
}

/** Makes the moves the clock says are due for one window; true if any was made. */
async function advanceMaintenance(id: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.maintenance.findUnique({ where: { id } });
    if (!row) return false;
    let from = row.status as MaintenanceStatusName;
    let moved = false;
    for (const to of dueMoves({ status: from, scheduledFor: row.scheduledFor, scheduledUntil: row.scheduledUntil }, now)) {
      if (!(await move(tx, null, id, from, to, undefined, now))) break;
      from = to;
      moved = true;
    }
    return moved;
  });
}

/** The clock's work: every window due to start or complete moves; the page is rebuilt once. */
export async function advanceDueMaintenance(now = new Date()): Promise<number> {
  const due = await db.$transaction((tx) =>
    tx.maintenance.findMany({
      where: {
        OR: [
          { status: "scheduled", scheduledFor: { lte: now } },
          { status: { in: ["in_progress", "verifying"] }, scheduledUntil: { lte: now } },
        ],
      },
      select: { id: true },
    }),
  );
  let moved = 0;
  for (const { id } of due) if (await advanceMaintenance(id, now)) moved += 1;
  if (moved) {
    await refreshStatusPage();
    wakeWorker();
  }
  return moved;
}
