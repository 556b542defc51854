import type { Actor } from "~/modules/auth/actor.ts";
import { addSystemEntry } from "~/modules/timeline/entries.server.ts";
import { recordIncidentChange, withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import { wakeWorker } from "~/modules/delivery/wake.ts";
import { queueTopicUpdate } from "~/modules/slack/outbox.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import {
  canMoveStatus,
  diffComponentImpacts,
  IMPACT_LABELS,
  MILESTONE_LABELS,
  MILESTONES,
  stampsForCommander,
  stampsForStatus,
  type ComponentImpactName,
  type IncidentStatusName,
  type Milestones,
} from "./lifecycle.ts";
import { boundsOf, fitWindowsToMilestones } from "./impact.server.ts";
import { checkComponents, checkPerson, checkRegions } from "./references.server.ts";
import type { IncidentPatch } from "./schemas.ts";
import { incidentView, loadIncidentRow } from "./view.server.ts";
import type { IncidentView } from "./view.ts";

const ROLE_FIELDS = { commanderId: "commander", commsLeadId: "comms lead", scribeId: "scribe" } as const;

/**
 * Changes an incident. A status change must be legal (else 409) and stamps its milestone;
 * milestones given in the patch are corrections and win over stamps. The impact windows follow
 * Started and Resolved (impact-windows.ts): resolving closes them at Resolved, and a correction
 * moves those at the old time with it unless `moveImpactWindows` is false. Every change writes
 * a timeline entry or an audit event (most both) and one incident.updated event; a correction
 * of milestones alone is one audit row, with the windows it moved.
 */
export async function changeIncident(actor: Actor, incidentId: string, patch: IncidentPatch): Promise<IncidentView> {
  const now = new Date();
  const result = await withIncidentChanges(async (tx) => {
    const row = await loadIncidentRow(tx, incidentId);
    if (!row) notFound("Incident");
    const before = incidentView(row);
    const openImpacts = row.components.filter((c) => c.endedAt === null);
    const notes: string[] = [];
    const data: Record<string, unknown> = {};
    const current: Milestones = {
      startedAt: row.startedAt,
      detectedAt: row.detectedAt,
      acknowledgedAt: row.acknowledgedAt,
      mitigatedAt: row.mitigatedAt,
      resolvedAt: row.resolvedAt,
    };
    let stamps: Partial<Milestones> = {};

    if (patch.status && patch.status !== row.status) {
      if (!canMoveStatus(row.status as IncidentStatusName, patch.status)) {
        fail("conflict", `An incident cannot move from ${row.status} to ${patch.status}.`, { status: `cannot move from ${row.status}` });
      }
      data.status = patch.status;
      stamps = { ...stamps, ...stampsForStatus(patch.status, current, now) };
      notes.push(`Status changed from ${row.status} to ${patch.status}.`);
    } else if (patch.status && patch.status === row.status && Object.keys(patch).length === 1) {
      fail("conflict", `The incident is already ${row.status}.`, { status: "unchanged" });
    }
    if (patch.severity && patch.severity !== row.severity) {
      data.severity = patch.severity;
      notes.push(`Severity changed from ${row.severity} to ${patch.severity}.`);
    }
    if (patch.title !== undefined && patch.title !== row.title) data.title = patch.title;
    if (patch.summary !== undefined && patch.summary !== row.summary) data.summary = patch.summary;

    for (const field of Object.keys(ROLE_FIELDS) as (keyof typeof ROLE_FIELDS)[]) {
      const value = patch[field];
      if (value === undefined || value === row[field]) continue;
      const person = await checkPerson(tx, field, value);
      data[field] = value;
      notes.push(person ? `${person.name} is now ${ROLE_FIELDS[field]}.` : `No ${ROLE_FIELDS[field]} assigned.`);
      if (field === "commanderId") stamps = { ...stampsForCommander(value, current, now), ...stamps };
    }

    if (patch.components) {
      const names = await checkComponents(tx, patch.components);
      const change = diffComponentImpacts(
        openImpacts.map((c) => ({ componentId: c.componentId, impact: c.impact as ComponentImpactName })),
        patch.components.map((c) => ({ componentId: c.id, impact: c.impact })),
      );
      if (change.open.length && (data.status ?? row.status) === "resolved") {
        fail("conflict", "The incident is resolved: correct its impact in the impact windows, or reopen it.", {
          components: "the incident is resolved",
        });
      }
      if (change.close.length) {
        await tx.incidentComponent.updateMany({
          where: { incidentId, endedAt: null, componentId: { in: change.close } },
          data: { endedAt: now },
        });
      }
      for (const open of change.open) {
        await tx.incidentComponent.create({
          data: { id: newId(), incidentId, componentId: open.componentId, impact: open.impact, startedAt: now },
        });
      }
      const was = new Map(openImpacts.map((c) => [c.componentId, c]));
      for (const id of change.close.filter((id) => !change.open.some((o) => o.componentId === id))) {
        notes.push(`${was.get(id)!.component.name} is no longer affected.`);
      }
      for (const open of change.open) {
        const previous = was.get(open.componentId);
        const label = IMPACT_LABELS[open.impact].toLowerCase();
        notes.push(
          previous
            ? `${names.get(open.componentId)}: ${IMPACT_LABELS[previous.impact as ComponentImpactName].toLowerCase()} → ${label}.`
            : `${names.get(open.componentId)} affected: ${label}.`,
        );
      }
    }

    if (patch.regions) {
      const regionIds = await checkRegions(tx, patch.regions);
      await tx.incidentRegion.deleteMany({ where: { incidentId } });
      if (regionIds.length) await tx.incidentRegion.createMany({ data: regionIds.map((regionId) => ({ incidentId, regionId })) });
    }

    const corrections: Partial<Milestones> = {};
    for (const m of MILESTONES) {
      const value = patch[m];
      if (value === undefined) continue;
      if (value === null && (m === "startedAt" || m === "detectedAt")) continue;
      if ((value?.getTime() ?? null) !== (current[m]?.getTime() ?? null)) corrections[m] = value;
    }
    Object.assign(data, stamps, corrections);

    const status = (data.status as string | undefined) ?? row.status;
    const wasBounds = boundsOf(row);
    const bounds = boundsOf({
      status,
      startedAt: (data.startedAt as Date | undefined) ?? row.startedAt,
      resolvedAt: "resolvedAt" in data ? (data.resolvedAt as Date | null) : row.resolvedAt,
    });
    if (status === "resolved" && row.status !== "resolved") await closeImpacts(tx, incidentId, bounds.resolvedAt!);
    const boundsMoved =
      wasBounds.startedAt.getTime() !== bounds.startedAt.getTime() || wasBounds.resolvedAt?.getTime() !== bounds.resolvedAt?.getTime();
    const moved = boundsMoved ? await fitWindowsToMilestones(tx, incidentId, wasBounds, bounds, patch.moveImpactWindows ?? true) : null;

    if (Object.keys(data).length === 0 && !patch.regions && !patch.components) {
      return { view: before, changed: false };
    }
    for (const note of notes) await addSystemEntry(tx, actor, incidentId, "status_change", `${actor.name}: ${note}`);
    const correctionOnly = Object.keys(data).every((k) => k in corrections) && !patch.regions && !patch.components;
    const corrected = Object.keys(corrections) as (keyof Milestones)[];
    const { value: view } = await recordIncidentChange(tx, actor, incidentId, async () => {
      await tx.incident.update({ where: { id: incidentId }, data });
      const view = incidentView((await loadIncidentRow(tx, incidentId))!);
      if ("status" in data || "severity" in data || "commanderId" in data) await queueTopicUpdate(tx, incidentId);
      const changed = { action: "incident.updated", entityType: "Incident", entityId: incidentId, before, after: view };
      const milestones = {
        action: "incident.milestone_corrected",
        entityType: "Incident",
        entityId: incidentId,
        before: { ...Object.fromEntries(corrected.map((m) => [m, current[m]])), ...(moved ? { impactWindows: moved.before } : {}) },
        after: {
          ...corrections,
          label: corrected.map((m) => MILESTONE_LABELS[m]).join(", "),
          ...(moved ? { impactWindows: moved.after, impactWindowsMoved: patch.moveImpactWindows ?? true } : {}),
        },
      };
      // a correction of milestones alone is one audit row
      const audit = [...(correctionOnly ? [] : [changed]), ...(corrected.length ? [milestones] : [])];
      return { value: view, event: { type: "incident.updated", data: view }, audit };
    });
    return { view, changed: true };
  });
  if (result.changed) wakeWorker();
  return result.view;
}

async function closeImpacts(tx: Tx, incidentId: string, now: Date) {
  await tx.incidentComponent.updateMany({ where: { incidentId, endedAt: null }, data: { endedAt: now } });
}
