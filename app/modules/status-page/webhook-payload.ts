// What a webhook carries, in Statuspage's shape (reference: "Outgoing webhook payload"):
// {meta, page: {id, status_indicator, status_description}} plus either the incident (as the
// v2 API shows it, with the updates up to the one being announced) or a component's change.
import { pageStatus } from "./indicator.ts";
import type { ComponentStatusName, PublicPage } from "./model.ts";
import { componentJson, incidentJson, maintenanceJson } from "./v2.ts";

type Meta = { unsubscribe: string; documentation: string };

function head(page: PublicPage) {
  const status = pageStatus(page);
  return {
    meta: { unsubscribe: `${page.page.url}`, documentation: `${page.page.url}/uptime` } satisfies Meta,
    page: { id: page.page.id, status_indicator: status.indicator, status_description: status.description },
  };
}

/** The incident or maintenance as of one of its updates; null when it is not on the public page. */
/** Whether `page` was read after `updateId` was published: the update is among its event's. */
export function pageHoldsUpdate(page: PublicPage, eventId: string, updateId: string): boolean {
  const event = page.incidents.find((i) => i.id === eventId) ?? page.maintenances.find((m) => m.id === eventId);
  return Boolean(event?.updates.some((u) => u.id === updateId));
}

export function eventPayload(page: PublicPage, eventId: string, updateId: string): object | null {
  const incident = page.incidents.find((i) => i.id === eventId);
  const maintenance = page.maintenances.find((m) => m.id === eventId);
  const event = incident ?? maintenance;
  if (!event) return null;
  const announced = event.updates.find((u) => u.id === updateId);
  const updates = announced ? event.updates.filter((u) => u.displayAt <= announced.displayAt) : event.updates;
  if (incident) return { ...head(page), incident: incidentJson(page, { ...incident, updates }) };
  return { ...head(page), scheduled_maintenance: maintenanceJson(page, { ...maintenance!, updates }) };
}

export type ComponentChange = {
  id: string;
  componentId: string;
  oldStatus: ComponentStatusName;
  newStatus: ComponentStatusName;
  at: string;
};

export function componentPayload(page: PublicPage, change: ComponentChange): object | null {
  const component = page.components.find((c) => c.id === change.componentId);
  if (!component) return null;
  return {
    ...head(page),
    component_update: {
      created_at: change.at,
      new_status: change.newStatus,
      old_status: change.oldStatus,
      id: change.id,
      component_id: change.componentId,
    },
    component: componentJson(page, component),
  };
}
