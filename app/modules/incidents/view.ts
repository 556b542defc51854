// An incident as the room and the API show it: the shape view.server.ts reads it into. Pure (no
// database), so components may import it.
import type { ComponentImpactName, IncidentStatusName, SeverityName } from "./lifecycle.ts";

export type IncidentView = {
  id: string;
  ref: string;
  number: number;
  title: string;
  summary: string;
  severity: SeverityName;
  status: IncidentStatusName;
  lastSeq: number;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  commander: { id: string; name: string } | null;
  commsLead: { id: string; name: string } | null;
  scribe: { id: string; name: string } | null;
  /** the components affected now, with the impact each has */
  components: { id: string; name: string; impact: ComponentImpactName; since: string }[];
  /** every impact window, open and closed, oldest first: how the impact changed over time */
  impactHistory: { id: string; name: string; impact: ComponentImpactName; startedAt: string; endedAt: string | null }[];
  regions: { id: string; slug: string; name: string }[];
  /** what the public sees (all null until the first update is published) */
  public: {
    title: string | null;
    status: string | null;
    publishedAt: string | null;
    /** promised by the last published update */
    nextUpdateDueAt: string | null;
  };
  createdAt: string;
  updatedAt: string;
};
