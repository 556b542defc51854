// The incident's life: which status moves are legal and which milestone each one stamps.
// Pure: the room, the API and the tests all ask these functions.

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatusName = (typeof INCIDENT_STATUSES)[number];

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type SeverityName = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<SeverityName, string> = {
  SEV1: "SEV1 · critical, customer-facing outage",
  SEV2: "SEV2 · major degradation",
  SEV3: "SEV3 · minor or partial impact",
  SEV4: "SEV4 · low impact",
};

export const COMPONENT_IMPACTS = ["degraded_performance", "partial_outage", "major_outage"] as const;
export type ComponentImpactName = (typeof COMPONENT_IMPACTS)[number];

export const IMPACT_LABELS: Record<ComponentImpactName, string> = {
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

/**
 * Forward moves may skip steps (a false alarm resolves straight away); backward moves are
 * allowed while the incident is open (the fix did not hold). A resolved incident can only
 * be reopened, to investigating.
 */
const LEGAL_MOVES: Record<IncidentStatusName, readonly IncidentStatusName[]> = {
  investigating: ["identified", "monitoring", "resolved"],
  identified: ["investigating", "monitoring", "resolved"],
  monitoring: ["investigating", "identified", "resolved"],
  resolved: ["investigating"],
};

export function canMoveStatus(from: IncidentStatusName, to: IncidentStatusName): boolean {
  return LEGAL_MOVES[from].includes(to);
}

export function nextStatuses(from: IncidentStatusName): readonly IncidentStatusName[] {
  return LEGAL_MOVES[from];
}

export const MILESTONES = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const;
export type MilestoneName = (typeof MILESTONES)[number];
export type Milestones = Record<MilestoneName, Date | null>;

export const MILESTONE_LABELS: Record<MilestoneName, string> = {
  startedAt: "Started",
  detectedAt: "Detected",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
};

/** The milestones a status change stamps; a milestone already set by hand is kept. */
export function stampsForStatus(to: IncidentStatusName, current: Milestones, now: Date): Partial<Milestones> {
  switch (to) {
    case "monitoring":
      return current.mitigatedAt ? {} : { mitigatedAt: now };
    case "resolved":
      return { resolvedAt: now, ...(current.mitigatedAt ? {} : { mitigatedAt: now }) };
    case "investigating":
    case "identified":
      return current.resolvedAt ? { resolvedAt: null } : {};
  }
}

/** Assigning a commander acknowledges the incident, once. */
export function stampsForCommander(commanderId: string | null, current: Milestones, now: Date): Partial<Milestones> {
  return commanderId && !current.acknowledgedAt ? { acknowledgedAt: now } : {};
}

/** Milestones that are set but out of order; shown as warnings, since a correction may be legitimate. */
export function milestoneProblems(m: Milestones): string[] {
  const problems: string[] = [];
  for (let i = 0; i < MILESTONES.length; i++) {
    for (let j = i + 1; j < MILESTONES.length; j++) {
      const earlier = m[MILESTONES[i]];
      const later = m[MILESTONES[j]];
      if (earlier && later && later < earlier) {
        problems.push(`${MILESTONE_LABELS[MILESTONES[j]]} is before ${MILESTONE_LABELS[MILESTONES[i]].toLowerCase()}.`);
      }
    }
  }
  return problems;
}

export type ImpactChange = {
  close: string[];
  open: { componentId: string; impact: ComponentImpactName }[];
};

/**
 * How the affected components change: a component whose impact changes closes its open
 * window and opens a new one; one no longer listed closes; an unchanged one is left alone.
 */
export function diffComponentImpacts(
  current: { componentId: string; impact: ComponentImpactName }[],
  next: { componentId: string; impact: ComponentImpactName }[],
): ImpactChange {
  const now = new Map(current.map((c) => [c.componentId, c.impact]));
  const wanted = new Map(next.map((c) => [c.componentId, c.impact]));
  const close: string[] = [];
  const open: ImpactChange["open"] = [];
  for (const [componentId, impact] of now) {
    const target = wanted.get(componentId);
    if (target !== impact) close.push(componentId);
  }
  for (const [componentId, impact] of wanted) {
    if (now.get(componentId) !== impact) open.push({ componentId, impact });
  }
  return { close, open };
}
