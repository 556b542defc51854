// How a status-page update looks to the comms tab and the API: one shape everywhere.
import type { ComponentStatusName } from "~/modules/status-page/model.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { notFound } from "~/utils/http.server.ts";
import type { UpdateStateName } from "./rules.ts";

const person = { select: { id: true, name: true } } as const;

export const UPDATE_INCLUDE = {
  author: person,
  approvedBy: person,
  publishedBy: person,
  components: { include: { component: { select: { id: true, name: true, position: true, group: { select: { name: true } } } } } },
} as const;

export type UpdateView = {
  id: string;
  incidentId: string | null;
  maintenanceId: string | null;
  status: string;
  body: string;
  state: UpdateStateName;
  notify: boolean;
  nextUpdateInMinutes: number | null;
  nextUpdateAt: string | null;
  components: { id: string; name: string; status: ComponentStatusName; oldStatus: ComponentStatusName | null }[];
  author: { id: string; name: string };
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  publishedBy: { id: string; name: string } | null;
  publishedAt: string | null;
  fromEntryId: string | null;
  createdAt: string;
  updatedAt: string;
};

type UpdateRow = NonNullable<Awaited<ReturnType<typeof loadUpdateRow>>>;

export function loadUpdateRow(tx: Pick<Tx, "statusUpdate">, id: string) {
  return tx.statusUpdate.findUnique({ where: { id }, include: UPDATE_INCLUDE });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function updateView(row: UpdateRow): UpdateView {
  return {
    id: row.id,
    incidentId: row.incidentId,
    maintenanceId: row.maintenanceId,
    status: row.status,
    body: row.body,
    state: row.state as UpdateStateName,
    notify: row.notify,
    nextUpdateInMinutes: row.nextUpdateInMinutes,
    nextUpdateAt: iso(row.nextUpdateAt),
    components: [...row.components]
      .sort((a, b) => a.component.position - b.component.position)
      .map((c) => ({
        id: c.componentId,
        name: c.component.group ? `${c.component.group.name} - ${c.component.name}` : c.component.name,
        status: c.newStatus as ComponentStatusName,
        oldStatus: (c.oldStatus as ComponentStatusName | null) ?? null,
      })),
    author: row.author,
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    publishedBy: row.publishedBy,
    publishedAt: iso(row.publishedAt),
    fromEntryId: row.sourceEntryId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every update of an incident: unpublished ones first (newest first), then the published, newest first. */
export async function listIncidentUpdates(incidentId: string): Promise<UpdateView[]> {
  const rows = await db.$transaction((tx) =>
    tx.statusUpdate.findMany({ where: { incidentId }, include: UPDATE_INCLUDE, orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }] }),
  );
  const views = rows.map(updateView);
  return [...views.filter((u) => u.state !== "published"), ...views.filter((u) => u.state === "published")];
}

export async function getUpdate(id: string): Promise<UpdateView> {
  const row = await db.$transaction((tx) => loadUpdateRow(tx, id));
  if (!row) notFound("Update");
  return updateView(row);
}
