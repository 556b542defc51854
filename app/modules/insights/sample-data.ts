// A small hand-built data set for the insights' unit tests: four incidents in January and
// February 2026, one in the period before, three components (a group of two and one alone),
// their impact windows, published updates and action items. Times are UTC; each test works
// its expected figures out from the times written here, not from the code under test.
import type { ActionItemFacts, ComponentFacts, IncidentFacts, InsightsData } from "./model.ts";
import type { InsightsFilters } from "./query.ts";

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * MINUTE);

export const NOW = at("2026-03-31T12:00:00Z");
export const FROM = at("2026-01-01T00:00:00Z");
export const TO = at("2026-03-01T00:00:00Z");
/** as long before FROM as the range is long (59 days) */
export const PREVIOUS_FROM = new Date(FROM.getTime() - (TO.getTime() - FROM.getTime()));
export const WEIGHTS = { partialOutage: 0.5, degradedPerformance: 0.1 };

const longAgo = at("2024-01-01T00:00:00Z");
export const COMPONENTS: ComponentFacts[] = [
  { id: "g-api", name: "API", isGroup: true, groupId: null, position: 1, createdAt: longAgo, slaTarget: null },
  { id: "api", name: "Messages", isGroup: false, groupId: "g-api", position: 1, createdAt: longAgo, slaTarget: null },
  { id: "streaming", name: "Streaming", isGroup: false, groupId: "g-api", position: 2, createdAt: longAgo, slaTarget: null },
  { id: "web", name: "Web chat", isGroup: false, groupId: null, position: 2, createdAt: longAgo, slaTarget: null },
];

type Spec = Omit<IncidentFacts, "startedAt" | "detectedAt" | "acknowledgedAt" | "mitigatedAt" | "resolvedAt" | "updates" | "windows"> & {
  start: string;
  /** minutes after the start; null: not reached */
  detect: number;
  ack: number | null;
  mitigate: number | null;
  resolve: number | null;
  updates?: { status: string; after: number; nextIn?: number }[];
  windows?: { componentId: string; impact: IncidentFacts["windows"][number]["impact"]; from: number; to: number | null }[];
};

function incident(spec: Spec): IncidentFacts {
  const { start, detect, ack, mitigate, resolve, updates = [], windows = [], ...rest } = spec;
  const t = (m: number | null) => (m === null ? null : at(start, m));
  return {
    ...rest,
    startedAt: at(start),
    detectedAt: at(start, detect),
    acknowledgedAt: t(ack),
    mitigatedAt: t(mitigate),
    resolvedAt: t(resolve),
    updates: updates.map((u, i) => ({
      id: `${rest.id}-u${i + 1}`,
      status: u.status,
      publishedAt: at(start, u.after),
      nextUpdateAt: u.nextIn ? at(start, u.after + u.nextIn) : null,
    })),
    windows: windows.map((w) => ({
      incidentId: rest.id,
      componentId: w.componentId,
      impact: w.impact,
      startedAt: at(start, w.from),
      endedAt: t(w.to),
    })),
  };
}

/** SEV1 outage: API down 90 minutes, web chat partly down; three promises, two kept. */
export const A = incident({
  id: "a",
  ref: "INC-1",
  title: "API down",
  severity: "SEV1",
  status: "resolved",
  start: "2026-01-06T10:00:00Z",
  detect: 5,
  ack: 8,
  mitigate: 90,
  resolve: 150,
  updates: [
    { status: "investigating", after: 12, nextIn: 30 },
    { status: "identified", after: 40, nextIn: 30 },
    { status: "monitoring", after: 100, nextIn: 60 },
    { status: "resolved", after: 150 },
  ],
  windows: [
    { componentId: "api", impact: "major_outage", from: 0, to: 90 },
    { componentId: "web", impact: "partial_outage", from: 10, to: 120 },
  ],
});

/** SEV2 slowness of web chat for four hours; its one promise missed. */
export const B = incident({
  id: "b",
  ref: "INC-2",
  title: "Web chat slow",
  severity: "SEV2",
  status: "resolved",
  start: "2026-01-20T08:00:00Z",
  detect: 20,
  ack: 30,
  mitigate: 60,
  resolve: 240,
  updates: [
    { status: "investigating", after: 25, nextIn: 30 },
    { status: "resolved", after: 240 },
  ],
  windows: [{ componentId: "web", impact: "degraded_performance", from: 0, to: 240 }],
});

/** SEV2 still open: the API partly down since 23:30 on 10 February, nothing published. */
export const C = incident({
  id: "c",
  ref: "INC-3",
  title: "API errors",
  severity: "SEV2",
  status: "investigating",
  start: "2026-02-10T23:30:00Z",
  detect: 2,
  ack: null,
  mitigate: null,
  resolve: null,
  windows: [{ componentId: "api", impact: "partial_outage", from: 0, to: null }],
});

/** SEV3 without customer impact; told after the fact. */
export const D = incident({
  id: "d",
  ref: "INC-4",
  title: "Billing job late",
  severity: "SEV3",
  status: "resolved",
  start: "2026-02-11T00:15:00Z",
  detect: 0,
  ack: 10,
  mitigate: 30,
  resolve: 45,
  updates: [{ status: "resolved", after: 60 }],
});

/** SEV1 in the period before. */
export const E = incident({
  id: "e",
  ref: "INC-0",
  title: "Earlier outage",
  severity: "SEV1",
  status: "resolved",
  start: "2025-12-01T00:00:00Z",
  detect: 10,
  ack: 20,
  mitigate: 120,
  resolve: 300,
  updates: [{ status: "investigating", after: 30 }],
});

const item = (
  id: string,
  incidentId: string,
  state: ActionItemFacts["state"],
  created: string,
  closed: string | null,
  due: string | null,
): ActionItemFacts => ({
  id,
  title: `Item ${id}`,
  state,
  incidentId,
  owner: "Dana",
  createdAt: at(created),
  closedAt: closed ? at(closed) : null,
  dueAt: due ? at(due) : null,
});

export const ACTION_ITEMS: ActionItemFacts[] = [
  item("ai1", "a", "done", "2026-01-08T09:00:00Z", "2026-01-18T09:00:00Z", "2026-01-31T23:59:59Z"),
  item("ai2", "a", "open", "2026-01-08T09:00:00Z", null, "2026-02-01T23:59:59Z"),
  item("ai3", "b", "wont_do", "2026-02-01T12:00:00Z", "2026-02-03T12:00:00Z", null),
  item("ai4", "b", "in_progress", "2026-02-05T12:00:00Z", null, "2026-12-01T23:59:59Z"),
  item("ai5", "e", "open", "2025-12-05T12:00:00Z", null, "2025-12-20T23:59:59Z"),
];

/** Resolved SEV2 late in March, outside the range: its post-mortem is still due. */
export const F = { id: "f", ref: "INC-6", title: "Streaming stalls", severity: "SEV2" as const, startedAt: at("2026-03-29T09:00:00Z") };

/** What may owe a post-mortem at NOW (31 Mar): A and F none yet, B's in review, E's published. */
const pm = (id: string, state: "in_review" | "published") => ({ id, state });
export const OWED_CANDIDATES: InsightsData["postmortems"]["candidates"] = [
  { incidentId: "a", ref: "INC-1", title: "API down", severity: "SEV1", resolvedAt: A.resolvedAt!, postmortem: null },
  { incidentId: "b", ref: "INC-2", title: B.title, severity: "SEV2", resolvedAt: B.resolvedAt!, postmortem: pm("pm-b", "in_review") },
  { incidentId: "e", ref: "INC-0", title: E.title, severity: "SEV1", resolvedAt: E.resolvedAt!, postmortem: pm("pm-e", "published") },
  { incidentId: "f", ref: "INC-6", title: F.title, severity: "SEV2", resolvedAt: at("2026-03-29T12:00:00Z"), postmortem: null },
];

export function sampleFilters(overrides: Partial<InsightsFilters> = {}): InsightsFilters {
  return {
    range: { from: FROM, to: TO, previousFrom: PREVIOUS_FROM, asOf: TO },
    severity: null,
    componentId: null,
    slaTarget: 99.9,
    slaFromQuery: false,
    timeZone: "Etc/UTC",
    ...overrides,
  };
}

export function sampleData(overrides: Partial<InsightsData> = {}): InsightsData {
  const incidents = [A, B, C, D, E];
  return {
    filters: sampleFilters(),
    weights: WEIGHTS,
    incidents,
    otherIncidents: [F],
    windows: incidents.flatMap((i) => i.windows),
    actionItems: ACTION_ITEMS,
    components: COMPONENTS,
    postmortems: { dueDays: { SEV1: 5, SEV2: 10, SEV3: null, SEV4: null }, candidates: OWED_CANDIDATES },
    now: NOW,
    ...overrides,
  };
}
