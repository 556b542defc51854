// The Statuspage v2 public JSON, field for field and in its key order, so aggregators, chat
// integrations and widgets built for Statuspage read this page unchanged. Absent values are
// null, never a missing key. Pure.
import { newestUpdateFirst } from "./order.ts";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { pageStatus, type PageStatus } from "~/modules/status-page/indicator.ts";
import { updatePlainText } from "~/modules/status-page/update-text.ts";
import type {
  ComponentStatusName,
  IncidentImpact,
  MaintenanceStatusName,
  PublicComponent,
  PublicIncident,
  PublicIncidentStatus,
  PublicMaintenance,
  PublicPage,
  PublicUpdate,
} from "~/modules/status-page/model.ts";

export type PageJson = { id: string; name: string; url: string; time_zone: string; updated_at: string };

export type StatusJson = PageStatus;

export type ComponentJson = {
  id: string;
  name: string;
  status: ComponentStatusName;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** a group's member ids; the key exists on groups only */
  components?: string[];
};

export type AffectedComponentJson = { code: string; name: string; old_status: ComponentStatusName; new_status: ComponentStatusName };

export type IncidentUpdateJson = {
  id: string;
  status: PublicIncidentStatus | MaintenanceStatusName;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: AffectedComponentJson[];
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
};

type EventJson<Status, Impact> = {
  id: string;
  name: string;
  status: Status;
  impact: Impact;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: IncidentUpdateJson[];
  components: ComponentJson[];
};

export type IncidentJson = EventJson<PublicIncidentStatus, IncidentImpact>;
export type ScheduledMaintenanceJson = EventJson<MaintenanceStatusName, "maintenance"> & {
  scheduled_for: string;
  scheduled_until: string;
};

export type StatusBody = { page: PageJson; status: StatusJson };
export type ComponentsBody = { page: PageJson; components: ComponentJson[] };
export type IncidentsBody = { page: PageJson; incidents: IncidentJson[] };
export type ScheduledMaintenancesBody = { page: PageJson; scheduled_maintenances: ScheduledMaintenanceJson[] };
export type SummaryBody = {
  page: PageJson;
  components: ComponentJson[];
  incidents: IncidentJson[];
  scheduled_maintenances: ScheduledMaintenanceJson[];
  status: StatusJson;
};

const MOST_RECENT = 50;

// A TZDate's own toISOString carries its offset; the API always speaks UTC with a Z.
const iso = (date: Date) => new Date(date.getTime()).toISOString();
const isoOrNull = (date: Date | null) => (date ? iso(date) : null);

function pageJson(page: PublicPage): PageJson {
  const { id, name, url, timeZone, updatedAt } = page.page;
  return { id, name, url, time_zone: timeZone, updated_at: iso(updatedAt) };
}

export function componentJson(page: PublicPage, component: PublicComponent): ComponentJson {
  const json: ComponentJson = {
    id: component.id,
    name: component.name,
    status: component.status,
    created_at: iso(component.createdAt),
    updated_at: iso(component.updatedAt),
    position: component.position,
    description: component.description,
    showcase: !component.isGroup,
    start_date: format(new TZDate(component.createdAt.getTime(), page.page.timeZone), "yyyy-MM-dd"),
    group_id: component.groupId,
    page_id: page.page.id,
    group: component.isGroup,
    only_show_if_degraded: false,
  };
  if (component.isGroup) json.components = [...component.memberIds];
  return json;
}

function updateJson(eventId: string, update: PublicUpdate): IncidentUpdateJson {
  return {
    id: update.id,
    status: update.status,
    // Statuspage clients show this as plain text: a root-cause report goes without its Markdown.
    body: updatePlainText(update.status, update.body),
    incident_id: eventId,
    created_at: iso(update.createdAt),
    updated_at: iso(update.updatedAt),
    display_at: iso(update.displayAt),
    affected_components: update.affectedComponents.map((a) => ({
      code: a.id,
      name: a.name,
      old_status: a.oldStatus,
      new_status: a.newStatus,
    })),
    deliver_notifications: update.deliverNotifications,
    custom_tweet: null,
    tweet_id: null,
  };
}

function eventJson<E extends PublicIncident | PublicMaintenance>(page: PublicPage, event: E): EventJson<E["status"], E["impact"]> {
  const byId = new Map(page.components.map((c) => [c.id, c]));
  const newestFirst = [...event.updates].sort(newestUpdateFirst);
  return {
    id: event.id,
    name: event.name,
    status: event.status,
    impact: event.impact,
    created_at: iso(event.createdAt),
    updated_at: iso(event.updatedAt),
    monitoring_at: isoOrNull(event.monitoringAt),
    resolved_at: isoOrNull(event.resolvedAt),
    shortlink: `${page.page.url}/incidents/${event.id}`,
    started_at: iso(event.startedAt),
    page_id: page.page.id,
    incident_updates: newestFirst.map((u) => updateJson(event.id, u)),
    components: event.componentIds.flatMap((id) => {
      const component = byId.get(id);
      return component ? [componentJson(page, component)] : [];
    }),
  };
}

export function incidentJson(page: PublicPage, incident: PublicIncident): IncidentJson {
  return eventJson(page, incident);
}

export function maintenanceJson(page: PublicPage, maintenance: PublicMaintenance): ScheduledMaintenanceJson {
  return {
    ...eventJson(page, maintenance),
    scheduled_for: iso(maintenance.scheduledFor),
    scheduled_until: iso(maintenance.scheduledUntil),
  };
}

const isUnresolved = (i: PublicIncident) => i.status === "investigating" || i.status === "identified" || i.status === "monitoring";
const isUpcoming = (m: PublicMaintenance) => m.status === "scheduled";
const isActive = (m: PublicMaintenance) => m.status === "in_progress" || m.status === "verifying";

const newestIncidents = (page: PublicPage) => [...page.incidents].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
const newestMaintenances = (page: PublicPage) => [...page.maintenances].sort((a, b) => b.scheduledFor.getTime() - a.scheduledFor.getTime());

export function statusJson(page: PublicPage): StatusBody {
  return { page: pageJson(page), status: pageStatus(page) };
}

export function componentsJson(page: PublicPage): ComponentsBody {
  return { page: pageJson(page), components: page.components.map((c) => componentJson(page, c)) };
}

export function incidentsJson(page: PublicPage): IncidentsBody {
  return {
    page: pageJson(page),
    incidents: newestIncidents(page)
      .slice(0, MOST_RECENT)
      .map((i) => incidentJson(page, i)),
  };
}

export function unresolvedIncidentsJson(page: PublicPage): IncidentsBody {
  return {
    page: pageJson(page),
    incidents: newestIncidents(page)
      .filter(isUnresolved)
      .map((i) => incidentJson(page, i)),
  };
}

export function maintenancesJson(page: PublicPage): ScheduledMaintenancesBody {
  return {
    page: pageJson(page),
    scheduled_maintenances: newestMaintenances(page)
      .slice(0, MOST_RECENT)
      .map((m) => maintenanceJson(page, m)),
  };
}

export function upcomingMaintenancesJson(page: PublicPage): ScheduledMaintenancesBody {
  return {
    page: pageJson(page),
    scheduled_maintenances: newestMaintenances(page)
      .filter(isUpcoming)
      .map((m) => maintenanceJson(page, m)),
  };
}

export function activeMaintenancesJson(page: PublicPage): ScheduledMaintenancesBody {
  return {
    page: pageJson(page),
    scheduled_maintenances: newestMaintenances(page)
      .filter(isActive)
      .map((m) => maintenanceJson(page, m)),
  };
}

export function summaryJson(page: PublicPage): SummaryBody {
  return {
    page: pageJson(page),
    components: componentsJson(page).components,
    incidents: unresolvedIncidentsJson(page).incidents,
    scheduled_maintenances: newestMaintenances(page)
      .filter((m) => isUpcoming(m) || isActive(m))
      .map((m) => maintenanceJson(page, m)),
    status: pageStatus(page),
  };
}
