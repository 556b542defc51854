// Reads what the insights need for a range and filters, in a handful of flat queries
// (rows.server.ts) that select only the columns the figures use and filter incidents by
// `startedAt` (indexed), then hands the plain data to computeInsights. The page, the JSON API
// and the CSV all come through here.
import { incidentRef } from "~/utils/incident-links.ts";
import { DEFAULT_UPTIME_WEIGHTS } from "~/modules/status-page/uptime.ts";
import { loadOwedCandidates } from "~/modules/postmortems/owed.server.ts";
import { db } from "~/utils/db.server.ts";
import { fail } from "~/utils/http.server.ts";
import { computeInsights } from "./insights.ts";
import type { ComponentFacts, Insights, InsightsData } from "./model.ts";
import { DEFAULT_SLA_TARGET, resolveRange, type InsightsFilters, type InsightsQuery } from "./query.ts";
import {
  actionItemsTouched,
  incidentsById,
  incidentsStarted,
  publishedUpdates,
  windowsOfIncidentsStarted,
  windowsOverlapping,
  type IncidentRow,
} from "./rows.server.ts";
import { uptimeStart } from "./uptime.ts";

const refOf = (row: IncidentRow) => ({
  id: row.id,
  ref: incidentRef(row.number),
  title: row.title,
  severity: row.severity,
  startedAt: row.startedAt,
});

/** Top-level items by position, each group followed by its members (the status page's order). */
function catalogOrder(rows: ComponentFacts[]): ComponentFacts[] {
  const ids = new Set(rows.map((r) => r.id));
  const byPosition = (a: ComponentFacts, b: ComponentFacts) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime();
  const top = rows.filter((r) => !r.groupId || !ids.has(r.groupId)).sort(byPosition);
  return top.flatMap((item) => [item, ...(item.isGroup ? rows.filter((r) => r.groupId === item.id).sort(byPosition) : [])]);
}

/** The range, filters and catalog for a query; a 400 naming the field when it cannot be used. */
async function readFilters(query: InsightsQuery, now: Date) {
  const [org, rows] = await Promise.all([
    db.organization.findUnique({ where: { id: "org" }, select: { timeZone: true, uptimePartialWeight: true, uptimeDegradedWeight: true } }),
    db.component.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, isGroup: true, groupId: true, position: true, createdAt: true, slaTarget: true },
    }),
  ]);
  const timeZone = org?.timeZone ?? "Etc/UTC";
  const resolved = resolveRange(query, timeZone, now);
  if (!resolved.ok) fail("bad_request", "Some query parameters are not valid.", resolved.fields);
  const components = catalogOrder(rows);
  const chosen = query.component ? components.find((c) => c.id === query.component) : null;
  if (query.component && !chosen) fail("bad_request", "Some query parameters are not valid.", { component: "no such component" });
  const filters: InsightsFilters = {
    range: resolved.range,
    severity: query.severity ?? null,
    componentId: chosen?.id ?? null,
    slaTarget: query.sla ?? DEFAULT_SLA_TARGET,
    slaFromQuery: query.sla !== undefined,
    timeZone,
  };
  const weights = org ? { partialOutage: org.uptimePartialWeight, degradedPerformance: org.uptimeDegradedWeight } : DEFAULT_UPTIME_WEIGHTS;
  // A group stands for its members: impact windows are only ever on components.
  const covered = chosen ? (chosen.isGroup ? components.filter((c) => c.groupId === chosen.id).map((c) => c.id) : [chosen.id]) : null;
  return { filters, weights, components, covered };
}

export async function loadInsightsData(query: InsightsQuery, now = new Date()): Promise<InsightsData> {
  const { filters, weights, components, covered } = await readFilters(query, now);
  const { range } = filters;
  const scope = { severity: filters.severity, componentIds: covered };
  const windowsFrom = uptimeStart({ asOf: range.asOf, from: range.from, timeZone: filters.timeZone });

  const [incidentRows, ownWindows, updateRows, uptimeWindows, itemRows, postmortems] = await Promise.all([
    incidentsStarted(scope, range.previousFrom, range.to),
    windowsOfIncidentsStarted(scope, range.from, range.to),
    publishedUpdates(scope, range.previousFrom, range.to),
    windowsOverlapping(covered, filters.severity, windowsFrom, range.asOf),
    actionItemsTouched(scope, range.from, range.to, now),
    loadOwedCandidates(scope),
  ]);

  const windowsOf = groupBy(ownWindows, (w) => w.incidentId);
  const updatesOf = groupBy(updateRows, (u) => u.incidentId);
  const loaded = new Set(incidentRows.map((i) => i.id));
  const named = [...uptimeWindows, ...itemRows, ...postmortems.candidates].map((row) => row.incidentId);
  const missing = [...new Set(named)].filter((id) => !loaded.has(id));
  const others = await incidentsById(missing);

  return {
    filters,
    weights,
    components,
    now,
    incidents: incidentRows.map((row) => ({
      ...refOf(row),
      status: row.status,
      detectedAt: row.detectedAt,
      acknowledgedAt: row.acknowledgedAt,
      mitigatedAt: row.mitigatedAt,
      resolvedAt: row.resolvedAt,
      updates: (updatesOf.get(row.id) ?? []).flatMap((u) =>
        u.publishedAt ? [{ id: u.id, status: u.status, publishedAt: u.publishedAt, nextUpdateAt: u.nextUpdateAt }] : [],
      ),
      windows: windowsOf.get(row.id) ?? [],
    })),
    otherIncidents: others.map(refOf),
    windows: uptimeWindows,
    actionItems: itemRows,
    postmortems,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export async function loadInsights(query: InsightsQuery, now = new Date()): Promise<Insights> {
  return computeInsights(await loadInsightsData(query, now));
}
