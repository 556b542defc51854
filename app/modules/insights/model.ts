// What the insights are computed from (plain data, read by insights.server.ts) and what they
// are (the page, the JSON and the CSV all show this one shape). Every figure carries a `key`,
// which /insights/incidents?figure=<key> lists the incidents of, and `incidentIds`: the
// incidents behind it (refs and titles in `Insights.incidents`). Durations are in seconds.
import type { ComponentImpactName, IncidentStatusName, SeverityName } from "~/modules/incidents/lifecycle.ts";
import type { OwedCandidate, PostmortemDueDays } from "~/modules/postmortems/owed.ts";
import type { ActionItemStateName, PostmortemStateName } from "~/modules/postmortems/sections.ts";
import type { UptimeWeights } from "~/modules/status-page/model.ts";
import type { InsightsFilters } from "./query.ts";
import type { Summary } from "./stats.ts";

export const MEASURES = ["detect", "acknowledge", "mitigate", "resolve"] as const;
export type Measure = (typeof MEASURES)[number];

export type PublishedUpdateFacts = { id: string; status: string; publishedAt: Date; nextUpdateAt: Date | null };

export type IncidentFacts = {
  id: string;
  ref: string;
  title: string;
  severity: SeverityName;
  status: IncidentStatusName;
  startedAt: Date;
  detectedAt: Date;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  /** published updates, any order */
  updates: PublishedUpdateFacts[];
  /** all its impact windows, whatever the component filter */
  windows: ImpactWindowFacts[];
};

export type ImpactWindowFacts = {
  incidentId: string;
  componentId: string;
  impact: ComponentImpactName;
  startedAt: Date;
  endedAt: Date | null;
};

export type ActionItemFacts = {
  id: string;
  title: string;
  state: ActionItemStateName;
  dueAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  owner: string | null;
  incidentId: string;
};

export type ComponentFacts = {
  id: string;
  name: string;
  isGroup: boolean;
  groupId: string | null;
  position: number;
  createdAt: Date;
  /** its own SLA target in percent, set in the catalog; null: the default */
  slaTarget: number | null;
};

export type InsightsData = {
  filters: InsightsFilters;
  weights: UptimeWeights;
  /** the incidents started in [previousFrom, to) that match the filters */
  incidents: IncidentFacts[];
  /** incidents named only by impact windows or action items (started before the range) */
  otherIncidents: Pick<IncidentFacts, "id" | "ref" | "title" | "severity" | "startedAt">[];
  /** impact windows, matching the filters, that overlap the uptime period */
  windows: ImpactWindowFacts[];
  actionItems: ActionItemFacts[];
  /** the catalog in display order (groups followed by their members) */
  components: ComponentFacts[];
  /** resolved incidents matching the filters (any start) that may owe a post-mortem, and the days per severity */
  postmortems: { dueDays: PostmortemDueDays; candidates: OwedCandidate[] };
  now: Date;
};

export type Figure = { key: string; incidentIds: string[] };
export type CountFigure = Figure & { count: number };
export type SummaryFigure = Figure & Summary;
export type TimeToFigures = Record<Measure, SummaryFigure>;

export type IncidentRef = { ref: string; title: string; severity: SeverityName; startedAt: string };

export type WeekRow = Figure & { week: string; weekStart: string; total: number; bySeverity: Record<SeverityName, CountFigure> };

export type ImpactMinutes = Record<ComponentImpactName, number>;

export type UptimeFigure = Figure & {
  days: number;
  /** null: no data (the component did not exist yet) */
  percent: number | null;
  /** minutes at each impact level (a group: its worst member's at each moment) */
  minutes: ImpactMinutes;
  /** the weighted minutes that count as downtime */
  downtimeMinutes: number;
  observedMinutes: number;
};

export type SlaMonth = Figure & {
  month: string;
  /** false for the month still running, or one the component did not exist for in full */
  complete: boolean;
  percent: number | null;
  met: boolean;
  minutes: ImpactMinutes;
  downtimeMinutes: number;
  observedMinutes: number;
  /** what the target allows over the minutes observed */
  allowedMinutes: number;
  /** downtime beyond what the target allows; 0 when met */
  excessMinutes: number;
};

export type ComponentInsights = {
  id: string;
  name: string;
  isGroup: boolean;
  groupId: string | null;
  last30: UptimeFigure;
  last90: UptimeFigure;
  /** the SLA target its months were held to (its own, the query's, or the default) */
  slaTarget: number;
  months: SlaMonth[];
};

export type ActionItemRow = {
  id: string;
  title: string;
  state: ActionItemStateName;
  dueAt: string | null;
  owner: string | null;
  incidentId: string;
};

export type IncidentRow = {
  id: string;
  ref: string;
  title: string;
  severity: SeverityName;
  status: IncidentStatusName;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  timeTo: Record<Measure, number | null>;
  firstUpdate: number | null;
  promises: { kept: number; missed: number; pending: number };
  /** seconds customers saw each level (the worst of any component at each moment) */
  customerFacing: { total: number } & Record<ComponentImpactName, number>;
  components: string[];
};

export type OwedPostmortemRow = {
  incidentId: string;
  ref: string;
  title: string;
  severity: SeverityName;
  resolvedAt: string;
  dueAt: string;
  overdue: boolean;
  /** days past (overdue) or left (due) */
  days: number;
  postmortemId: string | null;
  postmortemState: PostmortemStateName | null;
};

export type PromiseFigure = Figure & { promised: number; kept: number; missed: number; pending: number; keptShare: number | null };

export type Insights = {
  range: { from: string; to: string; previousFrom: string; asOf: string; timeZone: string };
  filters: { severity: SeverityName | null; component: string | null; sla: number; slaSource: "query" | "default" };
  /** every incident a figure names */
  incidents: Record<string, IncidentRef>;
  counts: CountFigure & { bySeverity: Record<SeverityName, CountFigure>; previous: CountFigure };
  incidentsPerWeek: WeekRow[];
  timeTo: TimeToFigures & {
    bySeverity: Record<SeverityName, TimeToFigures>;
    byMonth: (TimeToFigures & { month: string })[];
    previous: TimeToFigures;
  };
  uptime: { weights: UptimeWeights; components: ComponentInsights[] };
  sla: {
    target: number;
    source: "query" | "default";
    /** whether some component is held to a target of its own (set in the catalog) */
    perComponentTargets: boolean;
    missed: (SlaMonth & { componentId: string; component: string; target: number })[];
  };
  actionItems: {
    byMonth: { month: string; opened: CountFigure; closed: CountFigure }[];
    overdue: CountFigure & { items: ActionItemRow[] };
    timeToClose: SummaryFigure;
  };
  /** post-mortems owed now, whenever the incidents started (severity and component filters apply) */
  postmortems: {
    dueDays: PostmortemDueDays;
    owed: CountFigure;
    overdue: CountFigure;
    /** the most overdue first */
    items: OwedPostmortemRow[];
  };
  comms: {
    firstUpdate: SummaryFigure;
    firstUpdateByMonth: (SummaryFigure & { month: string })[];
    previousFirstUpdate: SummaryFigure;
    promises: PromiseFigure;
    previousPromises: PromiseFigure;
  };
  incidentRows: IncidentRow[];
};
