// The shapes of the demo story (story.ts): incidents, their timelines and impact windows.
// The conventions they follow are at the top of story.ts.

export type SeedRole = "admin" | "responder" | "comms" | "viewer";
export type SeedImpact = "degraded_performance" | "partial_outage" | "major_outage";
export type SeedKind = "note" | "action" | "decision" | "observation" | "hypothesis" | "customer_impact" | "status_change";

export type SeedEntry = {
  /** offset from incident start, may be fractional or negative (>= -10) for precursor signals */
  minutes: number;
  kind: SeedKind;
  /** user key */
  author: string;
  /** may contain simple Markdown: **bold**, `code`, [links](https://...) */
  text: string;
  pinned?: boolean;
};

export type SeedIncident = {
  title: string;
  summary: string;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  /** start = now - daysAgo days, at hourUtc:minuteUtc (see the note at the top for daysAgo < 1) */
  daysAgo: number;
  hourUtc: number;
  minuteUtc: number;
  detectedAfterMin: number;
  acknowledgedAfterMin: number;
  /** null = not mitigated yet */
  mitigatedAfterMin: number | null;
  /** null = still open */
  resolvedAfterMin: number | null;
  status: "investigating" | "identified" | "monitoring" | "resolved";
  commander: string | null;
  commsLead: string | null;
  scribe: string | null;
  declaredBy: string;
  /** region slugs */
  regions: string[];
  /** impact windows; a component may have several windows with different impact over time */
  components: { key: string; impact: SeedImpact; fromMin: number; toMin: number | null }[];
  timeline: SeedEntry[];
};
