// How a status-page update looks to the comms tab and the API: one shape everywhere, with who
// wrote it.
import { reportLint } from "~/modules/postmortems/report-lint.ts";
import type { ComponentStatusName } from "~/modules/status-page/model.ts";
import { orderedContributors } from "~/modules/two-person-rule/contributors.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { notFound } from "~/utils/http.server.ts";
import type { UpdateStateName } from "./rules.ts";
import type { UpdateView } from "./views.ts";

const person = { select: { id: true, name: true } } as const;

export const UPDATE_INCLUDE = {
  author: person,
  approvedBy: person,
  publishedBy: person,
  returnedBy: person,
  components: { include: { component: { select: { id: true, name: true, position: true, group: { select: { name: true } } } } } },
  contributors: { select: { since: true, user: person } },
} as const;

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
    contributors: orderedContributors(
      row.authorId,
      row.contributors.map((c) => ({ ...c.user, since: c.since })),
    ),
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    publishedBy: row.publishedBy,
    publishedAt: iso(row.publishedAt),
    fromEntryId: row.sourceEntryId,
    returned:
      row.returnedAt && row.returnedReason !== null
        ? { by: row.returnedBy, at: row.returnedAt.toISOString(), reason: row.returnedReason }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lint:
      row.status === "postmortem"
        ? reportLint(
            row.body,
            row.components.map((c) => c.component.name),
          )
        : [],
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
