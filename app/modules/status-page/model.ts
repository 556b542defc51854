// The public status page as plain data: what has been published, and nothing else.
// The snapshot builder (snapshot.server.ts) reads it from the database; everything public
// (the HTML page, the Statuspage v2 JSON, the feeds) is rendered from it by pure functions.

export const COMPONENT_STATUSES = ["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"] as const;
export type ComponentStatusName = (typeof COMPONENT_STATUSES)[number];

export const COMPONENT_STATUS_LABELS: Record<ComponentStatusName, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};

export const PUBLIC_INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"] as const;
export type PublicIncidentStatus = (typeof PUBLIC_INCIDENT_STATUSES)[number];

export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export type MaintenanceStatusName = (typeof MAINTENANCE_STATUSES)[number];

export type IncidentImpact = "none" | "minor" | "major" | "critical";

/** How an incident's or a maintenance's status reads, on the page, in notices and in the comms tab. */
export const EVENT_STATUS_LABELS: Record<PublicIncidentStatus | MaintenanceStatusName, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

export type PublicPageInfo = {
  /** 12-character base-36 id */
  id: string;
  name: string;
  /** the public page's own URL, e.g. https://status.example.com/status (no trailing slash) */
  url: string;
  /** IANA zone, e.g. "Etc/UTC" or "Europe/Berlin" */
  timeZone: string;
  updatedAt: Date;
};

export type PublicComponent = {
  id: string;
  name: string;
  description: string | null;
  /** a group's status is the worst of its members' (already rolled up here) */
  status: ComponentStatusName;
  position: number;
  groupId: string | null;
  isGroup: boolean;
  /** a group's members, in display order; [] for a plain component */
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
};

export type AffectedComponent = {
  id: string;
  /** "Group - Component" for a member of a group, as Statuspage names it */
  name: string;
  oldStatus: ComponentStatusName;
  newStatus: ComponentStatusName;
};

export type PublicUpdate = {
  id: string;
  /** an incident status, or a maintenance status for a maintenance's update */
  status: PublicIncidentStatus | MaintenanceStatusName;
  /** plain text; blank lines separate paragraphs; http(s) URLs may be linked when shown */
  body: string;
  displayAt: Date;
  createdAt: Date;
  updatedAt: Date;
  affectedComponents: AffectedComponent[];
  deliverNotifications: boolean;
};

type PublicEventBase = {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date;
  monitoringAt: Date | null;
  resolvedAt: Date | null;
  /** the components this incident or maintenance names, in display order */
  componentIds: string[];
  /** newest first */
  updates: PublicUpdate[];
};

export type PublicIncident = PublicEventBase & {
  kind: "incident";
  status: PublicIncidentStatus;
  impact: IncidentImpact;
};

export type PublicMaintenance = PublicEventBase & {
  kind: "maintenance";
  status: MaintenanceStatusName;
  impact: "maintenance";
  scheduledFor: Date;
  scheduledUntil: Date;
};

/** A stretch of time during which a (non-group) component had one public status. */
export type StatusInterval = {
  componentId: string;
  status: ComponentStatusName;
  from: Date;
  /** null: still so */
  to: Date | null;
};

/** How much a minute of each state counts as downtime; major outage always counts 1. */
export type UptimeWeights = { partialOutage: number; degradedPerformance: number };

export type PublicPage = {
  page: PublicPageInfo;
  /** flat, in display order: top-level items by position, each group followed by its members */
  components: PublicComponent[];
  /** published incidents, newest first (by createdAt); all unresolved ones plus the last 90 days at least */
  incidents: PublicIncident[];
  /** maintenances, newest first (by scheduledFor) */
  maintenances: PublicMaintenance[];
  /** public status history of every non-group component over at least the last 90 days */
  history: StatusInterval[];
  weights: UptimeWeights;
  /** when this snapshot was built: "now" for everything computed from it */
  generatedAt: Date;
};
