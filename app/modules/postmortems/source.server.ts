// Loads what a post-mortem is generated from (source.ts) in a few queries.
import type { Tx } from "~/utils/db.server.ts";
import type { ComponentImpactName, SeverityName } from "~/modules/incidents/lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import type { PostmortemSource } from "./source.ts";

export async function loadSource(tx: Tx, incidentId: string): Promise<PostmortemSource | null> {
  const row = await tx.incident.findUnique({
    where: { id: incidentId },
    include: {
      commander: { select: { name: true } },
      commsLead: { select: { name: true } },
      scribe: { select: { name: true } },
      regions: { include: { region: { select: { name: true, position: true } } } },
      components: { orderBy: { startedAt: "asc" }, include: { component: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const [entries, updates] = await Promise.all([
    tx.timelineEntry.findMany({
      where: { incidentId, deletedAt: null },
      orderBy: [{ occurredAt: "asc" }, { seq: "asc" }],
      select: { seq: true, kind: true, text: true, occurredAt: true, pinned: true, author: { select: { name: true } } },
    }),
    tx.statusUpdate.findMany({
      where: { incidentId, state: "published" },
      orderBy: { publishedAt: "asc" },
      select: { id: true, status: true, body: true, publishedAt: true, nextUpdateAt: true },
    }),
  ]);
  return {
    incident: {
      id: row.id,
      ref: incidentRef(row.number),
      title: row.title,
      summary: row.summary,
      severity: row.severity as SeverityName,
      startedAt: row.startedAt,
      detectedAt: row.detectedAt,
      acknowledgedAt: row.acknowledgedAt,
      mitigatedAt: row.mitigatedAt,
      resolvedAt: row.resolvedAt,
      commander: row.commander?.name ?? null,
      commsLead: row.commsLead?.name ?? null,
      scribe: row.scribe?.name ?? null,
    },
    regions: row.regions.sort((a, b) => a.region.position - b.region.position).map((r) => r.region.name),
    impacts: row.components.map((c) => ({
      componentId: c.componentId,
      component: c.component.name,
      impact: c.impact as ComponentImpactName,
      startedAt: c.startedAt,
      endedAt: c.endedAt,
    })),
    entries: entries.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      text: e.text,
      occurredAt: e.occurredAt,
      pinned: e.pinned,
      author: e.author?.name ?? null,
    })),
    updates: updates.map((u) => ({ id: u.id, status: u.status, body: u.body, publishedAt: u.publishedAt!, nextUpdateAt: u.nextUpdateAt })),
  };
}
