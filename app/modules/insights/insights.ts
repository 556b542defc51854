// Every figure of the insights page from plain data: the one function the page, the JSON API
// and the CSV share. Pure; insights.server.ts reads the data.
import { incidentNumbers } from "~/modules/postmortems/metrics.ts";
import { postmortemsOwed } from "~/modules/postmortems/owed.ts";
import { actionItemInsights } from "./action-items.ts";
import { commsInsights, firstUpdateSeconds, promiseOutcomes } from "./comms.ts";
import { incidentCounts, incidentsPerWeek, incidentTimeTo, startedIn, timeToInsights, countFigure } from "./metrics.ts";
import type { IncidentFacts, IncidentRef, IncidentRow, Insights, InsightsData } from "./model.ts";
import { componentInsights, shownComponents } from "./uptime.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function incidentRow(incident: IncidentFacts, names: Map<string, string>, asOf: Date, now: Date): IncidentRow {
  const windows = incident.windows.map((w) => ({ ...w, component: names.get(w.componentId) ?? w.componentId }));
  const { customerFacing: facing, components } = incidentNumbers(incident, windows, asOf);
  return {
    id: incident.id,
    ref: incident.ref,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    startedAt: incident.startedAt.toISOString(),
    detectedAt: incident.detectedAt.toISOString(),
    acknowledgedAt: iso(incident.acknowledgedAt),
    mitigatedAt: iso(incident.mitigatedAt),
    resolvedAt: iso(incident.resolvedAt),
    timeTo: incidentTimeTo(incident),
    firstUpdate: firstUpdateSeconds(incident),
    promises: promiseOutcomes(incident, now),
    customerFacing: {
      total: facing.total / 1000,
      major_outage: facing.byLevel.major_outage / 1000,
      partial_outage: facing.byLevel.partial_outage / 1000,
      degraded_performance: facing.byLevel.degraded_performance / 1000,
    },
    components: components.map((c) => c.component),
  };
}

/** The post-mortems owed now: all of them, and the overdue ones (keys postmortems.owed, postmortems.overdue). */
function owedFigures(data: InsightsData, now: Date): Insights["postmortems"] {
  const owed = postmortemsOwed(data.postmortems.candidates, data.postmortems.dueDays, now);
  return {
    dueDays: data.postmortems.dueDays,
    owed: countFigure(
      "postmortems.owed",
      owed.map((o) => o.incidentId),
    ),
    overdue: countFigure(
      "postmortems.overdue",
      owed.filter((o) => o.overdue).map((o) => o.incidentId),
    ),
    items: owed.map((o) => ({
      incidentId: o.incidentId,
      ref: o.ref,
      title: o.title,
      severity: o.severity,
      resolvedAt: o.resolvedAt.toISOString(),
      dueAt: o.dueAt.toISOString(),
      overdue: o.overdue,
      days: o.days,
      postmortemId: o.postmortem?.id ?? null,
      postmortemState: o.postmortem?.state ?? null,
    })),
  };
}

export function computeInsights(data: InsightsData): Insights {
  const { filters, now } = data;
  const { range, timeZone } = filters;
  const period = { from: range.from, to: range.to };
  const current = data.incidents.filter((i) => startedIn(i, period)).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const previous = data.incidents.filter((i) => startedIn(i, { from: range.previousFrom, to: range.from }));
  const names = new Map(data.components.map((c) => [c.id, c.name]));

  const components = componentInsights({
    components: shownComponents(data.components, filters.componentId),
    windows: data.windows,
    weights: data.weights,
    timeZone,
    asOf: range.asOf,
    from: range.from,
    slaTarget: filters.slaTarget,
    ownTargets: !filters.slaFromQuery,
  });

  const incidents: Record<string, IncidentRef> = {};
  for (const i of [...data.otherIncidents, ...data.incidents]) {
    incidents[i.id] = { ref: i.ref, title: i.title, severity: i.severity, startedAt: i.startedAt.toISOString() };
  }

  return {
    range: {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      previousFrom: range.previousFrom.toISOString(),
      asOf: range.asOf.toISOString(),
      timeZone,
    },
    filters: {
      severity: filters.severity,
      component: filters.componentId,
      sla: filters.slaTarget,
      slaSource: filters.slaFromQuery ? "query" : "default",
    },
    incidents,
    counts: {
      ...incidentCounts(current),
      previous: countFigure(
        "incidents.previous",
        previous.map((i) => i.id),
      ),
    },
    incidentsPerWeek: incidentsPerWeek(current, period, timeZone),
    timeTo: timeToInsights(current, previous, period, timeZone),
    uptime: { weights: data.weights, components },
    sla: {
      target: filters.slaTarget,
      source: filters.slaFromQuery ? "query" : "default",
      perComponentTargets: components.some((c) => c.slaTarget !== filters.slaTarget),
      missed: components.flatMap((c) =>
        c.months.filter((m) => !m.met).map((m) => ({ ...m, componentId: c.id, component: c.name, target: c.slaTarget })),
      ),
    },
    actionItems: actionItemInsights(data.actionItems, period, timeZone, now),
    postmortems: owedFigures(data, now),
    comms: commsInsights(current, previous, period, timeZone, now),
    incidentRows: current.map((i) => incidentRow(i, names, range.asOf, now)),
  };
}
