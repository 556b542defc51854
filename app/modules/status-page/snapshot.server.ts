// Reads the public page from the database: only what was published, nothing internal.
// Called when something public changes (a publish, a maintenance step, a catalog edit),
// never per request.
import { subDays } from "date-fns";
import { OPEN_PUBLIC_STATUSES } from "~/modules/components/public-status.server.ts";
import { DEFAULT_UPTIME_WEIGHTS } from "~/modules/status-page/uptime.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { publicUrl } from "~/utils/env.server.ts";
import type {
  AffectedComponent,
  ComponentStatusName,
  IncidentImpact,
  MaintenanceStatusName,
  PublicComponent,
  PublicIncident,
  PublicIncidentStatus,
  PublicMaintenance,
  PublicPage,
  PublicUpdate,
  StatusInterval,
} from "./model.ts";
import { worstStatus } from "./indicator.ts";
import { newestUpdateFirst } from "./order.ts";

/** How far back the page reads: 90 days of bars, a year of history. */
const HISTORY_DAYS = 92;
const INCIDENT_DAYS = 366;

const UPDATE_SELECT = {
  id: true,
  status: true,
  body: true,
  notify: true,
  publishedAt: true,
  updatedAt: true,
  components: { select: { componentId: true, oldStatus: true, newStatus: true } },
} as const;

export async function loadPublicPage(now = new Date()): Promise<PublicPage> {
  return db.$transaction((tx) => readPage(tx, now));
}

async function readPage(tx: Tx, now: Date): Promise<PublicPage> {
  const org = await tx.organization.findUnique({ where: { id: "org" } });
  const rows = await tx.component.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  const components = displayOrder(rows);
  const publicName = new Map(
    components.map((c) => {
      const group = c.groupId ? components.find((g) => g.id === c.groupId) : null;
      return [c.id, group ? `${group.name} - ${c.name}` : c.name];
    }),
  );
  const since = subDays(now, INCIDENT_DAYS);

  const incidentRows = await tx.incident.findMany({
    where: { publishedAt: { not: null }, OR: [{ publicStatus: { in: [...OPEN_PUBLIC_STATUSES] } }, { publishedAt: { gte: since } }] },
    orderBy: { publishedAt: "desc" },
    take: 2000,
    include: { updates: { where: { state: "published" }, orderBy: { publishedAt: "desc" }, select: UPDATE_SELECT } },
  });
  const maintenanceRows = await tx.maintenance.findMany({
    where: { OR: [{ status: { not: "completed" } }, { scheduledFor: { gte: since } }] },
    orderBy: { scheduledFor: "desc" },
    take: 500,
    include: {
      components: { select: { componentId: true } },
      updates: { where: { state: "published" }, orderBy: { publishedAt: "desc" }, select: UPDATE_SELECT },
    },
  });
  const history = await readHistory(
    tx,
    rows.map((r) => r.id),
    subDays(now, HISTORY_DAYS),
  );

  const order = new Map(components.map((c, i) => [c.id, i]));
  const byOrder = (ids: Iterable<string>) => [...new Set(ids)].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!);
  const toUpdate = (u: (typeof incidentRows)[number]["updates"][number]): PublicUpdate => ({
    id: u.id,
    status: u.status as PublicUpdate["status"],
    body: u.body,
    displayAt: u.publishedAt!,
    createdAt: u.publishedAt!,
    updatedAt: u.publishedAt!,
    deliverNotifications: u.notify,
    affectedComponents: u.components
      .filter((c) => order.has(c.componentId))
      .sort((a, b) => order.get(a.componentId)! - order.get(b.componentId)!)
      .map((c): AffectedComponent => ({
        id: c.componentId,
        name: publicName.get(c.componentId) ?? "",
        oldStatus: (c.oldStatus ?? "operational") as ComponentStatusName,
        newStatus: c.newStatus as ComponentStatusName,
      })),
  });

  const incidents: PublicIncident[] = incidentRows.map((row) => {
    const updates = row.updates.map(toUpdate).sort(newestUpdateFirst);
    return {
      kind: "incident",
      id: row.id,
      name: row.publicTitle ?? row.title,
      status: row.publicStatus as PublicIncidentStatus,
      impact: (row.publicImpact ?? "none") as IncidentImpact,
      createdAt: row.publishedAt!,
      updatedAt: row.publicUpdatedAt ?? row.publishedAt!,
      startedAt: row.startedAt,
      monitoringAt: row.publicMonitoringAt,
      resolvedAt: row.publicResolvedAt,
      componentIds: byOrder(row.updates.flatMap((u) => u.components.map((c) => c.componentId))),
      updates,
    };
  });
  const maintenances: PublicMaintenance[] = maintenanceRows.map((row) => ({
    kind: "maintenance",
    id: row.id,
    name: row.title,
    status: row.status as MaintenanceStatusName,
    impact: "maintenance",
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    startedAt: row.startedAt ?? row.scheduledFor,
    monitoringAt: null,
    resolvedAt: row.completedAt,
    scheduledFor: row.scheduledFor,
    scheduledUntil: row.scheduledUntil,
    componentIds: byOrder(row.components.map((c) => c.componentId)),
    updates: row.updates.map(toUpdate).sort(newestUpdateFirst),
  }));

  const lastChange = [
    org?.updatedAt,
    ...incidents.map((i) => i.updatedAt),
    ...maintenances.map((m) => m.updatedAt),
    ...rows.map((r) => r.updatedAt),
  ].reduce<Date>((latest, d) => (d && d > latest ? d : latest), new Date(0));

  return {
    page: {
      id: org?.pageId ?? "000000000000",
      name: org?.name ?? "Status",
      url: `${(org?.publicUrl ?? publicUrl()).replace(/\/+$/, "")}/status`,
      timeZone: org?.timeZone ?? "Etc/UTC",
      updatedAt: lastChange.getTime() > 0 ? lastChange : now,
    },
    components,
    incidents,
    maintenances,
    history,
    weights: org ? { partialOutage: org.uptimePartialWeight, degradedPerformance: org.uptimeDegradedWeight } : DEFAULT_UPTIME_WEIGHTS,
    generatedAt: now,
  };
}

type ComponentRow = {
  id: string;
  name: string;
  description: string | null;
  status: string;
  position: number;
  groupId: string | null;
  isGroup: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** Top-level items by position, each group followed by its members; a group's status is its members' worst. */
export function displayOrder(rows: ComponentRow[]): PublicComponent[] {
  const ids = new Set(rows.map((r) => r.id));
  const top = rows.filter((r) => !r.groupId || !ids.has(r.groupId));
  const out: PublicComponent[] = [];
  const view = (r: ComponentRow, memberIds: string[], status: ComponentStatusName): PublicComponent => ({
    id: r.id,
    name: r.name,
    description: r.description,
    status,
    position: r.position,
    groupId: r.groupId && ids.has(r.groupId) ? r.groupId : null,
    isGroup: r.isGroup,
    memberIds,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
  for (const item of top) {
    const members = item.isGroup ? rows.filter((r) => r.groupId === item.id) : [];
    const status = item.isGroup ? worstStatus(members.map((m) => m.status as ComponentStatusName)) : (item.status as ComponentStatusName);
    out.push(
      view(
        item,
        members.map((m) => m.id),
        status,
      ),
    );
    for (const member of members) out.push(view(member, [], member.status as ComponentStatusName));
  }
  return out;
}

/** Status intervals from the recorded changes since `from` (and the one in force at `from`). */
async function readHistory(tx: Tx, componentIds: string[], from: Date): Promise<StatusInterval[]> {
  const recent = await tx.componentStatusChange.findMany({ where: { at: { gte: from } }, orderBy: { at: "asc" } });
  const before = await Promise.all(
    componentIds.map((id) => tx.componentStatusChange.findFirst({ where: { componentId: id, at: { lt: from } }, orderBy: { at: "desc" } })),
  );
  const changes = [...before.filter((c) => c !== null), ...recent];
  const byComponent = new Map<string, typeof changes>();
  for (const change of changes) byComponent.set(change.componentId, [...(byComponent.get(change.componentId) ?? []), change]);
  const intervals: StatusInterval[] = [];
  for (const [componentId, list] of byComponent) {
    list.forEach((change, i) => {
      if (change.status === "operational") return;
      intervals.push({ componentId, status: change.status as ComponentStatusName, from: change.at, to: list[i + 1]?.at ?? null });
    });
  }
  return intervals;
}
