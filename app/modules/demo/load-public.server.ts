// Loads the public side of the demo story (demo/public-story.ts): each incident's updates go
// through the real publishing code at their historical times, so the status page, its uptime
// bars and the comms tabs show what they would have after those incidents.
import { userActor, type Actor } from "~/modules/auth/actor.ts";
import { publishInTransaction } from "~/modules/updates/publish.server.ts";
import { MAINTENANCE_MESSAGES } from "~/modules/maintenance/lifecycle.ts";
import type { Tx } from "~/utils/db.server.ts";
import { newId } from "~/utils/ids.ts";
import { maintenances, openDraft, publicUpdates } from "./public-story.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Ids = { now: Date; componentIds: Map<string, string>; userIds: Map<string, string> };

async function actorFor(tx: Tx, userId: string): Promise<Actor> {
  return userActor(await tx.user.findUniqueOrThrow({ where: { id: userId } }));
}

export async function loadPublicSide(tx: Tx, ids: Ids): Promise<void> {
  const incidents = await tx.incident.findMany({ orderBy: { startedAt: "asc" }, select: { id: true, title: true, startedAt: true } });
  for (const incident of incidents) {
    for (const update of publicUpdates[incident.title] ?? []) {
      const at = new Date(incident.startedAt.getTime() + update.afterMin * MINUTE);
      const id = newId();
      await tx.statusUpdate.create({
        data: {
          id,
          incidentId: incident.id,
          status: update.status,
          body: update.body,
          state: update.approver ? "approved" : "draft",
          nextUpdateInMinutes: update.nextInMin ?? null,
          authorId: ids.userIds.get(update.author)!,
          approvedById: update.approver ? ids.userIds.get(update.approver)! : null,
          approvedAt: update.approver ? at : null,
          createdAt: new Date(at.getTime() - 3 * MINUTE),
          contributors: { create: { userId: ids.userIds.get(update.author)! } },
          components: {
            create: Object.entries(update.components ?? {}).map(([key, status]) => ({
              componentId: ids.componentIds.get(key)!,
              newStatus: status,
            })),
          },
        },
      });
      await publishInTransaction(tx, await actorFor(tx, ids.userIds.get(update.author)!), id, at);
    }
  }
  const open = incidents.find((i) => i.title === openDraft.incident);
  if (open) {
    await tx.statusUpdate.create({
      data: {
        id: newId(),
        incidentId: open.id,
        status: openDraft.status,
        body: openDraft.body,
        nextUpdateInMinutes: 30,
        authorId: ids.userIds.get(openDraft.author)!,
        contributors: { create: { userId: ids.userIds.get(openDraft.author)! } },
        components: {
          create: Object.entries(openDraft.components).map(([key, status]) => ({
            componentId: ids.componentIds.get(key)!,
            newStatus: status,
          })),
        },
      },
    });
  }
  for (const m of maintenances) await loadMaintenance(tx, m, ids);
}

async function loadMaintenance(tx: Tx, m: (typeof maintenances)[number], ids: Ids) {
  const start = new Date(ids.now.getTime() + m.startInDays * DAY);
  start.setUTCHours(m.hourUtc, 0, 0, 0);
  const end = new Date(start.getTime() + m.hours * 60 * MINUTE);
  const announced = new Date(start.getTime() - 5 * DAY);
  const done = end < ids.now;
  const author = ids.userIds.get(m.author)!;
  const id = newId();
  const componentIds = m.components.map((key) => ids.componentIds.get(key)!);
  await tx.maintenance.create({
    data: {
      id,
      title: m.title,
      status: done ? "completed" : "scheduled",
      scheduledFor: start,
      scheduledUntil: end,
      startedAt: done ? start : null,
      completedAt: done ? end : null,
      createdById: author,
      createdAt: announced,
      components: { create: componentIds.map((componentId) => ({ componentId })) },
    },
  });
  const steps: [string, string, Date][] = [["scheduled", m.body, announced]];
  if (done) steps.push(["in_progress", MAINTENANCE_MESSAGES.in_progress, start], ["completed", MAINTENANCE_MESSAGES.completed, end]);
  for (const [status, body, at] of steps) {
    await tx.statusUpdate.create({
      data: {
        id: newId(),
        maintenanceId: id,
        status,
        body,
        state: "published",
        authorId: author,
        publishedById: author,
        publishedAt: at,
        createdAt: at,
        contributors: { create: { userId: author } },
      },
    });
  }
  if (done) {
    for (const componentId of componentIds) {
      await tx.componentStatusChange.create({
        data: { id: newId(), componentId, status: "under_maintenance", at: start, maintenanceId: id },
      });
      await tx.componentStatusChange.create({ data: { id: newId(), componentId, status: "operational", at: end, maintenanceId: id } });
    }
  }
}
