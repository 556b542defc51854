// The components catalog: components, their groups (a component with isGroup, as in
// Statuspage), their order and their regions. The public page shows the catalog, so every
// change rebuilds it before the caller gets its answer.
import { z } from "zod";
import type { Actor } from "~/modules/auth/actor.ts";
import { recordAudit } from "~/modules/audit/audit.server.ts";
import { db, type Tx } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import { newId } from "~/utils/ids.ts";
import { refreshStatusPage } from "~/modules/status-page/store.server.ts";
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import { activeImpactsByComponent, type ActiveImpact } from "./rollup.ts";
import type { ComponentView } from "./view.ts";

export const ComponentInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(120),
  description: z.string().trim().max(1000).nullish(),
  groupId: z.string().trim().max(64).nullish(),
  group: z.boolean().default(false),
  regions: z.array(z.string().max(64)).max(50).optional(),
  /** the availability promised for it, in percent; null: the insights' default (99.9) */
  slaTarget: z
    .number({ message: "must be a percentage such as 99.95" })
    .gt(0, "must be a percentage above 0 and below 100, such as 99.95")
    .lt(100, "must be a percentage above 0 and below 100, such as 99.95")
    .nullish(),
});
export const ComponentPatchSchema = ComponentInputSchema.omit({ group: true })
  .partial()
  .extend({ position: z.number().int().min(0).max(10_000).optional() })
  .strict();

const INCLUDE = { regions: { include: { region: true } }, members: { select: { id: true }, orderBy: { position: "asc" } } } as const;

type Row = Awaited<ReturnType<typeof loadRows>>[number];

function loadRows(where: object = {}) {
  return db.component.findMany({
    where: { archivedAt: null, ...where },
    include: INCLUDE,
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
}

function view(row: Row, active: Map<string, ActiveImpact[]>): ComponentView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    group: row.isGroup,
    groupId: row.groupId,
    position: row.position,
    status: row.status,
    regions: row.regions.map((r) => r.region.slug).sort(),
    slaTarget: row.slaTarget,
    ...(row.isGroup ? { components: row.members.map((m) => m.id) } : {}),
    activeIncidents: active.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Groups and components in display order: each group followed by its members. */
export async function listComponents(): Promise<ComponentView[]> {
  const rows = await loadRows();
  const top = rows.filter((r) => !r.groupId);
  const ordered: Row[] = [];
  for (const row of top) {
    ordered.push(row);
    if (row.isGroup) ordered.push(...rows.filter((r) => r.groupId === row.id));
  }
  const active = await activeImpacts(rows);
  return ordered.map((row) => view(row, active));
}

async function activeImpacts(rows: Row[]) {
  const windows = await db.incidentComponent.findMany({
    where: { endedAt: null, incident: { status: { not: "resolved" } } },
    select: { componentId: true, impact: true, incident: { select: { id: true, number: true } } },
  });
  return activeImpactsByComponent(
    windows.map((w) => ({
      componentId: w.componentId,
      impact: w.impact as ComponentImpactName,
      incidentId: w.incident.id,
      ref: incidentRef(w.incident.number),
    })),
    rows.filter((r) => r.isGroup).map((g) => ({ id: g.id, memberIds: g.members.map((m) => m.id) })),
  );
}

export function listRegions() {
  return db.region.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }] });
}

async function checkGroup(tx: Tx, groupId: string | null | undefined, selfId?: string) {
  if (!groupId) return;
  const group = await tx.component.findUnique({ where: { id: groupId } });
  if (!group || group.archivedAt || !group.isGroup || group.id === selfId)
    fail("invalid", "Some fields are not valid.", { groupId: "no such group" });
}

async function regionIds(tx: Tx, regions: string[]) {
  const rows = await tx.region.findMany({ where: { OR: [{ id: { in: regions } }, { slug: { in: regions } }] } });
  regions.forEach((r, i) => {
    if (!rows.some((row) => row.id === r || row.slug === r))
      fail("invalid", "Some fields are not valid.", { [`regions.${i}`]: "no such region" });
  });
  return rows.map((r) => r.id);
}

export async function createComponent(actor: Actor, input: z.output<typeof ComponentInputSchema>): Promise<ComponentView> {
  const id = newId();
  await db.$transaction(async (tx) => {
    if (input.group && input.groupId) fail("invalid", "Some fields are not valid.", { groupId: "a group cannot be inside another group" });
    await checkGroup(tx, input.groupId);
    const regions = await regionIds(tx, input.regions ?? []);
    const last = await tx.component.findFirst({
      where: { groupId: input.groupId ?? null },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    await tx.component.create({
      data: {
        id,
        name: input.name,
        description: input.description ?? null,
        isGroup: input.group,
        groupId: input.groupId ?? null,
        position: (last?.position ?? 0) + 1,
        slaTarget: input.slaTarget ?? null,
        regions: { create: regions.map((regionId) => ({ regionId })) },
      },
    });
    await recordAudit(tx, actor, { action: "component.created", entityType: "Component", entityId: id, after: input });
  });
  await refreshStatusPage();
  const [row] = await loadRows({ id });
  return view(row, await activeImpacts([row]));
}

export async function updateComponent(actor: Actor, id: string, patch: z.output<typeof ComponentPatchSchema>): Promise<ComponentView> {
  await db.$transaction(async (tx) => {
    const before = await tx.component.findUnique({ where: { id }, include: { regions: true } });
    if (!before || before.archivedAt) notFound("Component");
    if (patch.groupId !== undefined) {
      if (before.isGroup && patch.groupId)
        fail("invalid", "Some fields are not valid.", { groupId: "a group cannot be inside another group" });
      await checkGroup(tx, patch.groupId, id);
    }
    const { regions, ...fields } = patch;
    if (regions) {
      const ids = await regionIds(tx, regions);
      await tx.componentRegion.deleteMany({ where: { componentId: id } });
      if (ids.length) await tx.componentRegion.createMany({ data: ids.map((regionId) => ({ componentId: id, regionId })) });
    }
    await tx.component.update({ where: { id }, data: fields });
    await recordAudit(tx, actor, {
      action: "component.updated",
      entityType: "Component",
      entityId: id,
      before: {
        name: before.name,
        description: before.description,
        groupId: before.groupId,
        position: before.position,
        slaTarget: before.slaTarget,
        regions: before.regions.map((r) => r.regionId),
      },
      after: patch,
    });
  });
  await refreshStatusPage();
  const [row] = await loadRows({ id });
  return view(row, await activeImpacts([row]));
}

/** Moves a component one place up or down among its siblings. */
export async function moveComponent(actor: Actor, id: string, direction: "up" | "down") {
  await db.$transaction(async (tx) => {
    const row = await tx.component.findUnique({ where: { id } });
    if (!row || row.archivedAt) notFound("Component");
    const siblings = await tx.component.findMany({
      where: { groupId: row.groupId, archivedAt: null },
      orderBy: [{ position: "asc" }, { name: "asc" }],
    });
    const i = siblings.findIndex((s) => s.id === id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= siblings.length) return;
    [siblings[i], siblings[j]] = [siblings[j], siblings[i]];
    for (const [position, s] of siblings.entries()) {
      if (s.position !== position + 1) await tx.component.update({ where: { id: s.id }, data: { position: position + 1 } });
    }
    await recordAudit(tx, actor, { action: "component.moved", entityType: "Component", entityId: id, after: { direction } });
  });
  await refreshStatusPage();
}
