// A realistic published page for tests, screenshots and previews: "Northwind AI" in the middle of
// an incident on its Messages endpoint, with maintenance running on the Batch endpoint, one
// maintenance to come, and a quarter's worth of resolved incidents whose history matches them.
import type {
  AffectedComponent,
  ComponentStatusName,
  IncidentImpact,
  MaintenanceStatusName,
  PublicComponent,
  PublicIncident,
  PublicIncidentStatus,
  PublicMaintenance,
  PublicPage,
  PublicUpdate,
  StatusInterval,
} from "~/modules/status-page/model.ts";
import { resolvedIncidents, type UpdateSpec } from "./sample-page-resolved.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const SAMPLE_IDS = {
  page: "nw7k2p9q4x1a",
  api: "apigrp4k9x2m",
  messages: "msgend7q3k1p",
  batch: "batend2w8r5t",
  apps: "appgrp6h1n3v",
  web: "webapp9c4f2z",
  mobile: "mobapp3e7j8s",
  console: "devcon5b2x7w",
  activeIncident: "inc0act1ve9x",
  activeMaintenance: "mnt0act1ve4k",
  upcomingMaintenance: "mnt0upc0m1ng",
} as const;

type Span = { from: Date; to: Date | null; status: ComponentStatusName };

export function samplePage(now: Date): PublicPage {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
  const daysAgo = (days: number, hour: number, minute = 0) => {
    const at = new Date(now.getTime() - days * DAY);
    at.setUTCHours(hour, minute, 0, 0);
    return at;
  };
  const plus = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);
  const founded = new Date(now.getTime() - 400 * DAY);
  let updateCount = 0;

  const component = (id: string, name: string, position: number, extra: Partial<PublicComponent> = {}): PublicComponent => ({
    id,
    name,
    description: null,
    status: "operational",
    position,
    groupId: null,
    isGroup: false,
    memberIds: [],
    createdAt: founded,
    updatedAt: founded,
    ...extra,
  });
  const I = SAMPLE_IDS;
  const components: PublicComponent[] = [
    component(I.api, "API", 1, { isGroup: true, memberIds: [I.messages, I.batch], status: "partial_outage", updatedAt: ago(45) }),
    component(I.messages, "Messages endpoint", 1, {
      groupId: I.api,
      status: "partial_outage",
      updatedAt: ago(45),
      description: "POST /v1/messages: synchronous model responses",
    }),
    component(I.batch, "Batch endpoint", 2, { groupId: I.api, status: "under_maintenance", updatedAt: ago(30) }),
    component(I.apps, "Apps", 2, { isGroup: true, memberIds: [I.web, I.mobile] }),
    component(I.web, "Web app", 1, { groupId: I.apps }),
    component(I.mobile, "Mobile app", 2, {
      groupId: I.apps,
      createdAt: new Date(now.getTime() - 60 * DAY),
      updatedAt: new Date(now.getTime() - 60 * DAY),
    }),
    component(I.console, "Developer console", 3, { description: "console.northwind.test: keys, usage and billing" }),
  ];
  const nameOf = (id: string) => {
    const c = components.find((x) => x.id === id)!;
    const group = components.find((x) => x.id === c.groupId);
    return group ? `${group.name} - ${c.name}` : c.name;
  };
  const change = (id: string, oldStatus: ComponentStatusName, newStatus: ComponentStatusName): AffectedComponent => ({
    id,
    name: nameOf(id),
    oldStatus,
    newStatus,
  });

  const updates = (specs: UpdateSpec[]): PublicUpdate[] =>
    specs
      .map((s) => ({
        id: `upd${(++updateCount).toString(36).padStart(9, "0")}`,
        status: s.status,
        body: s.body,
        displayAt: s.at,
        createdAt: s.at,
        updatedAt: s.at,
        affectedComponents: s.changes ?? [],
        deliverNotifications: true,
      }))
      .sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime());

  const spans: Record<string, Span[]> = {};
  const hold = (id: string, status: ComponentStatusName, from: Date, to: Date | null) => (spans[id] ??= []).push({ status, from, to });

  const incident = (
    id: string,
    name: string,
    impact: IncidentImpact,
    status: PublicIncidentStatus,
    componentIds: string[],
    specs: UpdateSpec[],
  ): PublicIncident => {
    const list = updates(specs);
    const startedAt = list.at(-1)!.displayAt;
    const monitoring = list.find((u) => u.status === "monitoring");
    const resolved = list.find((u) => u.status === "resolved");
    return {
      kind: "incident",
      id,
      name,
      impact,
      status,
      componentIds,
      updates: list,
      createdAt: startedAt,
      updatedAt: list[0].displayAt,
      startedAt,
      monitoringAt: monitoring?.displayAt ?? null,
      resolvedAt: resolved?.displayAt ?? null,
    };
  };

  // The incident in progress: first said at 45 minutes ago, the cause found 20 minutes ago.
  const activeStart = ago(45);
  hold(I.messages, "partial_outage", activeStart, null);
  const active = incident(
    I.activeIncident,
    "Elevated error rates on the Messages endpoint",
    "major",
    "identified",
    [I.messages],
    [
      {
        status: "investigating",
        at: activeStart,
        body: "We are seeing elevated error rates (HTTP 529 and 503) on the Messages endpoint. Some requests fail or time out.\n\nWe are investigating and will post an update within 30 minutes.",
        changes: [change(I.messages, "operational", "partial_outage")],
      },
      {
        status: "identified",
        at: ago(20),
        body: "We have identified a capacity shortfall in one region after a routine deploy and are moving traffic away from it. About 8% of requests still fail.\n\nRetrying with exponential backoff succeeds for most requests: https://docs.northwind.test/errors#retries.\nNext update within 30 minutes.",
      },
    ],
  );

  // Resolved incidents of the last 90 days, each with the history that matches it.
  const resolved = resolvedIncidents({ I, daysAgo, plus, hold, components, change, incident });

  const maintenance = (
    id: string,
    name: string,
    status: MaintenanceStatusName,
    componentIds: string[],
    scheduledFor: Date,
    scheduledUntil: Date,
    specs: UpdateSpec[],
  ): PublicMaintenance => {
    const list = updates(specs);
    return {
      kind: "maintenance",
      id,
      name,
      impact: "maintenance",
      status,
      componentIds,
      updates: list,
      createdAt: list.at(-1)!.displayAt,
      updatedAt: list[0].displayAt,
      startedAt: status === "scheduled" ? scheduledFor : (list.find((u) => u.status === "in_progress")?.displayAt ?? scheduledFor),
      monitoringAt: null,
      resolvedAt: list.find((u) => u.status === "completed")?.displayAt ?? null,
      scheduledFor,
      scheduledUntil,
    };
  };

  const runningFrom = ago(30);
  hold(I.batch, "under_maintenance", runningFrom, null);
  const running = maintenance(
    I.activeMaintenance,
    "Batch endpoint storage migration",
    "in_progress",
    [I.batch],
    runningFrom,
    plus(runningFrom, 120),
    [
      {
        status: "scheduled",
        at: new Date(now.getTime() - 5 * DAY),
        body: "We will move batch job storage to a new cluster. Batch jobs submitted during the window will be queued and start after it; results of finished jobs stay available.",
      },
      {
        status: "in_progress",
        at: runningFrom,
        body: "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
        changes: [change(I.batch, "operational", "under_maintenance")],
      },
    ],
  );

  const upcomingFrom = daysAgo(-3, 21, 0);
  const upcoming = maintenance(
    I.upcomingMaintenance,
    "Web and Mobile app database upgrade",
    "scheduled",
    [I.web, I.mobile],
    upcomingFrom,
    plus(upcomingFrom, 120),
    [
      {
        status: "scheduled",
        at: new Date(now.getTime() - 2 * DAY),
        body: "We will upgrade the database behind the Web and Mobile apps. You may be signed out once; saved conversations are not affected.",
      },
    ],
  );

  const networkFrom = daysAgo(8, 1, 0);
  const networkUntil = plus(networkFrom, 120);
  for (const id of [I.messages, I.batch]) hold(id, "under_maintenance", networkFrom, networkUntil);
  const network = maintenance(
    "mnt0n3tw0rk2",
    "Network maintenance in the API region",
    "completed",
    [I.messages, I.batch],
    networkFrom,
    networkUntil,
    [
      {
        status: "scheduled",
        at: new Date(networkFrom.getTime() - 7 * DAY),
        body: "We will replace network equipment in the API region. Brief connection resets are possible.",
      },
      {
        status: "in_progress",
        at: networkFrom,
        body: "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
      },
      { status: "completed", at: networkUntil, body: "The scheduled maintenance has been completed." },
    ],
  );

  return {
    page: { id: I.page, name: "Northwind AI", url: "https://status.northwind.test/status", timeZone: "Europe/Berlin", updatedAt: ago(20) },
    components,
    incidents: [active, ...resolved].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
    maintenances: [upcoming, running, network].sort((a, b) => b.scheduledFor.getTime() - a.scheduledFor.getTime()),
    history: components.filter((c) => !c.isGroup).flatMap((c) => fillWithOperational(c, spans[c.id] ?? [])),
    weights: { partialOutage: 0.3, degradedPerformance: 0 },
    generatedAt: now,
  };
}

/** A component's whole public history since it was created: its troubled spans, operational between them. */
function fillWithOperational(component: PublicComponent, troubled: Span[]): StatusInterval[] {
  const out: StatusInterval[] = [];
  let cursor: Date | null = component.createdAt;
  for (const span of [...troubled].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    if (cursor && cursor < span.from) out.push({ componentId: component.id, status: "operational", from: cursor, to: span.from });
    out.push({ componentId: component.id, status: span.status, from: span.from, to: span.to });
    cursor = span.to;
  }
  if (cursor) out.push({ componentId: component.id, status: "operational", from: cursor, to: null });
  return out;
}
