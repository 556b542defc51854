// How an incident looks to the API, the SSE stream and the room: one shape everywhere.
import type { Tx } from "~/utils/db.server.ts";
import type { ComponentImpactName, IncidentStatusName, SeverityName } from "./lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import type { IncidentView } from "./view.ts";

const person = { select: { id: true, name: true } } as const;

export const INCIDENT_INCLUDE = {
  commander: person,
  commsLead: person,
  scribe: person,
  components: {
    orderBy: { startedAt: "asc" },
    include: { component: { select: { id: true, name: true, groupId: true } } },
  },
  regions: { include: { region: { select: { id: true, slug: true, name: true } } } },
} as const;

type IncidentRow = NonNullable<Awaited<ReturnType<typeof loadIncidentRow>>>;

export function loadIncidentRow(tx: Pick<Tx, "incident">, id: string) {
  return tx.incident.findUnique({ where: { id }, include: INCIDENT_INCLUDE });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function incidentView(row: IncidentRow): IncidentView {
  return {
    id: row.id,
    ref: incidentRef(row.number),
    number: row.number,
    title: row.title,
    summary: row.summary,
    severity: row.severity as SeverityName,
    status: row.status as IncidentStatusName,
    lastSeq: row.lastSeq,
    startedAt: row.startedAt.toISOString(),
    detectedAt: row.detectedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    commander: row.commander,
    commsLead: row.commsLead,
    scribe: row.scribe,
    components: row.components
      .filter((c) => c.endedAt === null)
      .map((c) => ({
        id: c.component.id,
        name: c.component.name,
        impact: c.impact as ComponentImpactName,
        since: c.startedAt.toISOString(),
      })),
    impactHistory: row.components.map((c) => ({
      id: c.component.id,
      name: c.component.name,
      impact: c.impact as ComponentImpactName,
      startedAt: c.startedAt.toISOString(),
      endedAt: iso(c.endedAt),
    })),
    regions: row.regions.map((r) => r.region).sort((a, b) => a.slug.localeCompare(b.slug)),
    public: {
      title: row.publicTitle,
      status: row.publicStatus,
      publishedAt: iso(row.publishedAt),
      nextUpdateDueAt: iso(row.nextUpdateDueAt),
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
