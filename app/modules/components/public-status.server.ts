// Writes the public status of components after a publish or a maintenance step, and keeps
// every change as history for the uptime bars. Runs inside the caller's transaction.
import type { ComponentStatusName } from "~/modules/status-page/model.ts";
import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { publicStatuses } from "./public-status.ts";
import { worstStatus } from "~/modules/status-page/indicator.ts";

export const OPEN_PUBLIC_STATUSES = ["investigating", "identified", "monitoring"] as const;
const RUNNING_MAINTENANCE = ["in_progress", "verifying"] as const;

export type StatusChange = { componentId: string; name: string; from: ComponentStatusName; to: ComponentStatusName };

/** Recomputes the given components (and their groups); returns the changes it wrote. */
export async function recomputePublicStatuses(
  tx: Tx,
  componentIds: string[],
  now: Date,
  cause: { updateId?: string; maintenanceId?: string },
): Promise<StatusChange[]> {
  if (componentIds.length === 0) return [];
  const claims = await tx.statusUpdateComponent.findMany({
    where: {
      componentId: { in: componentIds },
      update: { state: "published", incident: { publicStatus: { in: [...OPEN_PUBLIC_STATUSES] } } },
    },
    select: { componentId: true, newStatus: true, update: { select: { incidentId: true, publishedAt: true } } },
  });
  const maintained = await tx.maintenanceComponent.findMany({
    where: { componentId: { in: componentIds }, maintenance: { status: { in: [...RUNNING_MAINTENANCE] } } },
    select: { componentId: true },
  });
  const next = publicStatuses(
    componentIds,
    claims.map((c) => ({
      incidentId: c.update.incidentId!,
      componentId: c.componentId,
      status: c.newStatus as ComponentStatusName,
      publishedAt: c.update.publishedAt!,
    })),
    new Set(maintained.map((m) => m.componentId)),
  );
  const rows = await tx.component.findMany({
    where: { id: { in: componentIds } },
    select: { id: true, name: true, status: true, groupId: true },
  });
  const changes: StatusChange[] = [];
  for (const row of rows) {
    const to = next.get(row.id)!;
    if (to === row.status) continue;
    changes.push({ componentId: row.id, name: row.name, from: row.status as ComponentStatusName, to });
    await tx.component.update({ where: { id: row.id }, data: { status: to } });
    await tx.componentStatusChange.create({ data: { id: newId(), componentId: row.id, status: to, at: now, ...cause } });
  }
  const groupIds = [...new Set(rows.map((r) => r.groupId).filter((g): g is string => g !== null))];
  for (const groupId of groupIds) {
    const members = await tx.component.findMany({ where: { groupId, archivedAt: null }, select: { status: true } });
    const status = worstStatus(members.map((m) => m.status as ComponentStatusName));
    await tx.component.updateMany({ where: { id: groupId, status: { not: status } }, data: { status } });
  }
  return changes;
}
