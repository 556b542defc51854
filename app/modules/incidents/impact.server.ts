// The incident's impact windows, edited in one place: replaced by hand (the room's impact table,
// PUT /api/v1/incidents/:id/impact), and moved with Started and Resolved when those are corrected
// (change.server.ts). The rules are pure (impact-windows.ts); this stores what they decide.
import type { Actor } from "~/modules/auth/actor.ts";
import { recordIncidentChange, withIncidentChanges } from "~/modules/timeline/record-change.server.ts";
import type { Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { followMilestones, windowProblems, type WindowBounds } from "./impact-windows.ts";
import type { ComponentImpactName } from "./lifecycle.ts";
import type { ImpactWindowInput } from "./schemas.ts";
import { incidentView, loadIncidentRow } from "./view.server.ts";
import type { IncidentView } from "./view.ts";

type StoredWindow = { componentId: string; impact: ComponentImpactName; startedAt: Date; endedAt: Date | null };

/** How a set of windows reads in the audit log: each with its component's name. */
export type WindowRecord = {
  component: string;
  componentId: string;
  impact: ComponentImpactName;
  startedAt: string;
  endedAt: string | null;
};

/** Started and Resolved as the windows see them: an incident that is not resolved has no end. */
export function boundsOf(incident: { startedAt: Date; resolvedAt: Date | null; status: string }): WindowBounds {
  return { startedAt: incident.startedAt, resolvedAt: incident.status === "resolved" ? incident.resolvedAt : null };
}

async function storedWindows(tx: Tx, incidentId: string) {
  return tx.incidentComponent.findMany({
    where: { incidentId },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { componentId: true, impact: true, startedAt: true, endedAt: true, component: { select: { name: true } } },
  });
}

/** In time order, then by component: the same windows always read the same. */
function records(windows: (StoredWindow & { component?: { name: string } })[], names: Map<string, string>): WindowRecord[] {
  return windows
    .map((w) => ({
      component: w.component?.name ?? names.get(w.componentId) ?? w.componentId,
      componentId: w.componentId,
      impact: w.impact,
      startedAt: w.startedAt.toISOString(),
      endedAt: w.endedAt?.toISOString() ?? null,
    }))
    .sort(
      (a, b) => a.startedAt.localeCompare(b.startedAt) || a.componentId.localeCompare(b.componentId) || a.impact.localeCompare(b.impact),
    );
}

const sameWindows = (a: WindowRecord[], b: WindowRecord[]) => JSON.stringify(a) === JSON.stringify(b);

/** Replaces the incident's windows with these, in the caller's transaction. */
async function writeWindows(tx: Tx, incidentId: string, windows: StoredWindow[]) {
  await tx.incidentComponent.deleteMany({ where: { incidentId } });
  if (windows.length) {
    await tx.incidentComponent.createMany({
      data: windows.map((w) => ({
        id: newId(),
        incidentId,
        componentId: w.componentId,
        impact: w.impact,
        startedAt: w.startedAt,
        endedAt: w.endedAt,
      })),
    });
  }
}

/**
 * After Started or Resolved changed from `before` to `after`: the windows follow (when `move`)
 * and are cut to fit. Returns the windows before and after for the audit, or null when none changed.
 */
export async function fitWindowsToMilestones(
  tx: Tx,
  incidentId: string,
  before: WindowBounds,
  after: WindowBounds,
  move: boolean,
): Promise<{ before: WindowRecord[]; after: WindowRecord[] } | null> {
  const stored = await storedWindows(tx, incidentId);
  const names = new Map(stored.map((w) => [w.componentId, w.component.name]));
  const next = followMilestones(
    stored.map((w) => ({ ...w, impact: w.impact as ComponentImpactName })),
    before,
    after,
    move,
  );
  const was = records(
    stored.map((w) => ({ ...w, impact: w.impact as ComponentImpactName })),
    names,
  );
  const now = records(next, names);
  if (sameWindows(was, now)) return null;
  await writeWindows(tx, incidentId, next);
  return { before: was, after: now };
}

/** The components windows may name: active ones, and any the incident already has a window on (an archived one keeps its history). */
async function checkWindowComponents(tx: Tx, incidentId: string, windows: ImpactWindowInput[]): Promise<Map<string, string>> {
  const ids = [...new Set(windows.map((w) => w.componentId))];
  const [rows, existing] = await Promise.all([
    tx.component.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, isGroup: true, archivedAt: true } }),
    tx.incidentComponent.findMany({ where: { incidentId }, select: { componentId: true }, distinct: ["componentId"] }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const had = new Set(existing.map((e) => e.componentId));
  const problems: Record<string, string> = {};
  windows.forEach((w, i) => {
    const row = byId.get(w.componentId);
    if (!row || (row.archivedAt && !had.has(row.id))) problems[`windows.${i}.componentId`] = "no such component";
    else if (row.isGroup) problems[`windows.${i}.componentId`] = "is a group; name its components";
  });
  if (Object.keys(problems).length) fail("invalid", "Some fields are not valid.", problems);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Replaces an incident's impact windows with these (the room's impact table and the API):
 * each within the incident, closed once it is resolved, none overlapping another of its
 * component (else 422 naming the window and field). Audited as one row with the windows
 * before and after; the room hears it as a change of the incident.
 */
export async function replaceImpactWindows(actor: Actor, incidentId: string, windows: ImpactWindowInput[]): Promise<IncidentView> {
  return withIncidentChanges(async (tx) => {
    const row = await loadIncidentRow(tx, incidentId);
    if (!row) notFound("Incident");
    const names = await checkWindowComponents(tx, incidentId, windows);
    const problems = windowProblems(windows, boundsOf(row));
    if (Object.keys(problems).length) fail("invalid", "Some impact windows do not fit the incident.", problems);
    const before = records(
      row.components.map((c) => ({ ...c, impact: c.impact as ComponentImpactName })),
      names,
    );
    const given: StoredWindow[] = windows.map((w) => ({
      componentId: w.componentId,
      impact: w.impact,
      startedAt: w.startedAt,
      endedAt: w.endedAt,
    }));
    const after = records(given, names);
    if (sameWindows(before, after)) return incidentView(row);
    await writeWindows(tx, incidentId, given);
    const { value } = await recordIncidentChange(tx, actor, incidentId, async () => {
      const view = incidentView((await loadIncidentRow(tx, incidentId))!);
      const audit = {
        action: "incident.impact_corrected",
        entityType: "Incident",
        entityId: incidentId,
        before: { impactWindows: before },
        after: { impactWindows: after },
      };
      return { value: view, event: { type: "incident.updated", data: view }, audit };
    });
    return value;
  });
}
