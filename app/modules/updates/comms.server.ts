// What the comms tab needs: the incident's updates, the components an update can move
// (with their public status and this incident's impact on them), the promise record, and
// a first draft filled from the template for the likely next status.
import { DomainError } from "~/utils/errors.ts";
import type { IncidentView } from "~/modules/incidents/view.ts";
import type { ComponentStatusName } from "~/modules/status-page/model.ts";
import type { UpdateTemplateStatus } from "~/modules/notices/update-defaults.ts";
import { listNamedTemplates } from "~/modules/notices/named-templates.server.ts";
import { db } from "~/utils/db.server.ts";
import { draftBody } from "./drafts.server.ts";
import { promiseCounts, promiseRecord } from "./rules.ts";
import { listIncidentUpdates } from "./views.server.ts";
import { resolutionStanding } from "./resolution.server.ts";

import { DEFAULT_NEXT_UPDATE } from "./rules.ts";
import type { CommsComponent } from "./comms.ts";

/** The status a new update most likely has: the internal one, or investigating before anything is known. */
export function likelyStatus(incident: IncidentView): UpdateTemplateStatus {
  return incident.status;
}

/** `status`: the status the composer starts from (the room's prompts ask for one); the likely one when not given. */
export async function commsPageData(incident: IncidentView, status: UpdateTemplateStatus = likelyStatus(incident)) {
  const updates = await listIncidentUpdates(incident.id);
  const rows = await db.$transaction((tx) =>
    tx.component.findMany({
      where: { archivedAt: null, isGroup: false },
      orderBy: [{ position: "asc" }],
      select: { id: true, name: true, status: true, position: true, group: { select: { name: true, position: true } } },
    }),
  );
  const impact = new Map(incident.components.map((c) => [c.id, c.impact as ComponentStatusName]));
  const held = new Map<string, ComponentStatusName>();
  for (const update of [...updates].filter((u) => u.state === "published").reverse())
    for (const c of update.components) held.set(c.id, c.status);
  const components: CommsComponent[] = rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      group: r.group?.name ?? null,
      order: r.group ? r.group.position * 1000 + r.position : r.position * 1000,
      publicStatus: r.status as ComponentStatusName,
      impact: impact.get(r.id) ?? null,
      heldByThisIncident: (held.get(r.id) ?? "operational") !== "operational",
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _, ...c }) => c);
  const published = updates
    .filter((u) => u.state === "published")
    .map((u) => ({
      id: u.id,
      status: u.status,
      publishedAt: new Date(u.publishedAt!),
      nextUpdateAt: u.nextUpdateAt ? new Date(u.nextUpdateAt) : null,
    }));
  const promises = promiseRecord(published, new Date()).map((p) => ({
    ...p,
    promisedAt: p.promisedAt.toISOString(),
    keptAt: p.keptAt?.toISOString() ?? null,
  }));
  const resolvedPublishedAt = await db.$transaction((tx) => resolutionStanding(tx, incident.id));
  return {
    updates,
    /** customers were told "resolved" then, and the incident was not reopened since: no second Resolved is offered */
    resolvedPublishedAt: resolvedPublishedAt?.toISOString() ?? null,
    components,
    promises,
    promiseCounts: promiseCounts(promiseRecord(published, new Date())),
    draft: await firstDraft(incident.id, status),
    /** the named templates comms may pick from, per status */
    templates: (await listNamedTemplates()).map((t) => ({ id: t.id, status: t.status, name: t.name })),
  };
}

async function firstDraft(incidentId: string, status: UpdateTemplateStatus) {
  const nextUpdateInMinutes = status === "resolved" ? null : DEFAULT_NEXT_UPDATE;
  try {
    return { status, nextUpdateInMinutes, body: await draftBody(incidentId, status, nextUpdateInMinutes), templateError: null };
  } catch (error) {
    // A template an admin broke must not stop comms from writing by hand.
    if (error instanceof DomainError)
      return { status, nextUpdateInMinutes, body: "", templateError: `The ${status} template cannot be filled; write the update by hand.` };
    throw error;
  }
}
