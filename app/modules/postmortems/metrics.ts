// The numbers leadership asks for, from an incident's milestones and impact windows: the one
// derivation every duration shown anywhere comes from (`incidentNumbers`; decision 0036).
//   time to detect       = detected     - started
//   time to acknowledge  = acknowledged - detected
//   time to mitigate     = mitigated    - started
//   time to resolve      = resolved     - started
// Customer-facing time is split by the worst impact any component had at each moment, so the
// levels add up to the whole, and only impact between Started and Resolved counts. Pure: no I/O.
import { fitWithin } from "~/modules/incidents/impact-windows.ts";
import type { ComponentImpactName } from "~/modules/incidents/lifecycle.ts";

export type Milestones = {
  startedAt: Date;
  detectedAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
};

export type TimeTo = { detect: number | null; acknowledge: number | null; mitigate: number | null; resolve: number | null };

const between = (from: Date | null, to: Date | null) => (from && to ? Math.max(0, to.getTime() - from.getTime()) : null);

/** Milliseconds; null where the milestone was never reached. */
export function timeTo(m: Milestones): TimeTo {
  return {
    detect: between(m.startedAt, m.detectedAt),
    acknowledge: between(m.detectedAt, m.acknowledgedAt),
    mitigate: between(m.startedAt, m.mitigatedAt),
    resolve: between(m.startedAt, m.resolvedAt),
  };
}

export type ImpactWindow = { componentId: string; component: string; impact: ComponentImpactName; startedAt: Date; endedAt: Date | null };

export const IMPACT_ORDER: readonly ComponentImpactName[] = ["major_outage", "partial_outage", "degraded_performance"];
const RANK: Record<ComponentImpactName, number> = { major_outage: 3, partial_outage: 2, degraded_performance: 1 };

export type ImpactByLevel = Record<ComponentImpactName, number>;

function emptyLevels(): ImpactByLevel {
  return { major_outage: 0, partial_outage: 0, degraded_performance: 0 };
}

/**
 * How long customers saw each impact level: at every moment the worst level of any
 * component counts, once. Open windows end at `end`.
 */
export function customerFacingTime(windows: ImpactWindow[], end: Date): { total: number; byLevel: ImpactByLevel } {
  const points = new Set<number>();
  const spans = windows.map((w) => ({
    from: w.startedAt.getTime(),
    to: (w.endedAt ?? end).getTime(),
    rank: RANK[w.impact],
    impact: w.impact,
  }));
  for (const s of spans) if (s.to > s.from) points.add(s.from).add(s.to);
  const sorted = [...points].sort((a, b) => a - b);
  const byLevel = emptyLevels();
  for (let i = 0; i < sorted.length - 1; i += 1) {
    const [from, to] = [sorted[i], sorted[i + 1]];
    let worst: (typeof spans)[number] | null = null;
    for (const s of spans) if (s.from <= from && s.to >= to && (!worst || s.rank > worst.rank)) worst = s;
    if (worst) byLevel[worst.impact] += to - from;
  }
  return { total: byLevel.major_outage + byLevel.partial_outage + byLevel.degraded_performance, byLevel };
}

export type ComponentImpact = {
  componentId: string;
  component: string;
  worst: ComponentImpactName;
  /** from the first window's start to the last one's end */
  firstAt: Date;
  lastAt: Date;
  byLevel: ImpactByLevel;
  windows: { impact: ComponentImpactName; startedAt: Date; endedAt: Date }[];
};

/** Each affected component with its windows and time per level, in order of first impact. */
export function impactByComponent(windows: ImpactWindow[], end: Date): ComponentImpact[] {
  const byId = new Map<string, ImpactWindow[]>();
  for (const w of windows) byId.set(w.componentId, [...(byId.get(w.componentId) ?? []), w]);
  return [...byId.values()]
    .map((list) => {
      const ordered = [...list].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
      const closed = ordered.map((w) => ({ impact: w.impact, startedAt: w.startedAt, endedAt: w.endedAt ?? end }));
      return {
        componentId: ordered[0].componentId,
        component: ordered[0].component,
        worst: ordered.reduce((worst, w) => (RANK[w.impact] > RANK[worst] ? w.impact : worst), ordered[0].impact),
        firstAt: closed[0].startedAt,
        lastAt: new Date(Math.max(...closed.map((w) => w.endedAt.getTime()))),
        byLevel: customerFacingTime(ordered, end).byLevel,
        windows: closed,
      };
    })
    .sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime() || a.component.localeCompare(b.component));
}

export type IncidentNumbers = {
  /** start to resolution; null while the incident is open */
  duration: number | null;
  /** start to resolution, or to `asOf` while open: the room's clock and the templates' `elapsed` */
  elapsed: number;
  timeTo: TimeTo;
  customerFacing: { total: number; byLevel: ImpactByLevel };
  /** each affected component, in order of first impact */
  components: ComponentImpact[];
  /** the windows counted: cut to [Started, Resolved] (open ones stay open while the incident is) */
  windows: ImpactWindow[];
};

/**
 * Every duration of one incident, in milliseconds, from its milestones and impact windows.
 * A window reaching outside the incident counts only inside it, so customer-facing time is
 * never longer than the incident.
 */
export function incidentNumbers(milestones: Milestones, impacts: ImpactWindow[], asOf: Date): IncidentNumbers {
  const end = milestones.resolvedAt ?? asOf;
  const windows = fitWithin(impacts, { startedAt: milestones.startedAt, resolvedAt: milestones.resolvedAt });
  const t = timeTo(milestones);
  return {
    duration: t.resolve,
    elapsed: Math.max(0, end.getTime() - milestones.startedAt.getTime()),
    timeTo: t,
    customerFacing: customerFacingTime(windows, end),
    components: impactByComponent(windows, end),
    windows,
  };
}
