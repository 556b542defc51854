// The insights' data as they were read before decision 0020: Prisma's relational queries
// (findMany with relation filters and nested selects), kept verbatim as the reference the
// SQL path (app/modules/insights/rows.server.ts) is checked against in insights-same-figures.test.ts.
// Post-mortems owed came later and are read by one Prisma query in both paths (owedCandidates
// here, postmortems/owed.server.ts in the app).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client.ts";
import type { ComponentImpactName, IncidentStatusName, SeverityName } from "~/modules/incidents/lifecycle.ts";
import { incidentRef } from "~/utils/incident-links.ts";
import type { ComponentFacts, InsightsData } from "~/modules/insights/model.ts";
import { DEFAULT_SLA_TARGET, resolveRange, type InsightsFilters, type InsightsQuery } from "~/modules/insights/query.ts";
import { uptimeStart } from "~/modules/insights/uptime.ts";
import { severitiesOwing, type OwedCandidate } from "~/modules/postmortems/owed.ts";
import type { ActionItemStateName, PostmortemStateName } from "~/modules/postmortems/sections.ts";
import { DEFAULT_UPTIME_WEIGHTS } from "~/modules/status-page/uptime.ts";

type Db = SqliteClient;

export function openPrisma(url: string): Db {
  if (url.startsWith("file:")) return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) }) as unknown as Db;
}

/** The old path's 400 for a filter it cannot use (the tests only use good ones). */
function fail(_code: string, message: string, fields: Record<string, string>): never {
  throw new Error(`${message} ${JSON.stringify(fields)}`);
}

const INCIDENT_REF_SELECT = { id: true, number: true, title: true, severity: true, startedAt: true } as const;
const WINDOW_SELECT = { incidentId: true, componentId: true, impact: true, startedAt: true, endedAt: true } as const;

type RefRow = { id: string; number: number; title: string; severity: string; startedAt: Date };
const refOf = (row: RefRow) => ({
  id: row.id,
  ref: incidentRef(row.number),
  title: row.title,
  severity: row.severity as SeverityName,
  startedAt: row.startedAt,
});
const windowOf = (w: { incidentId: string; componentId: string; impact: string; startedAt: Date; endedAt: Date | null }) => ({
  ...w,
  impact: w.impact as ComponentImpactName,
});

/** Top-level items by position, each group followed by its members (the status page's order). */
function catalogOrder(rows: ComponentFacts[]): ComponentFacts[] {
  const ids = new Set(rows.map((r) => r.id));
  const byPosition = (a: ComponentFacts, b: ComponentFacts) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime();
  const top = rows.filter((r) => !r.groupId || !ids.has(r.groupId)).sort(byPosition);
  return top.flatMap((item) => [item, ...(item.isGroup ? rows.filter((r) => r.groupId === item.id).sort(byPosition) : [])]);
}

/** The range, filters and catalog for a query; a 400 naming the field when it cannot be used. */
async function readFilters(db: Db, query: InsightsQuery, now: Date) {
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

async function owedCandidates(db: Db, severity: SeverityName | null, covered: string[] | null): Promise<InsightsData["postmortems"]> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: "org" } });
  const dueDays = {
    SEV1: org.postmortemDueDaysSev1,
    SEV2: org.postmortemDueDaysSev2,
    SEV3: org.postmortemDueDaysSev3,
    SEV4: org.postmortemDueDaysSev4,
  };
  const severities = severitiesOwing(dueDays).filter((s) => !severity || s === severity);
  const rows = await db.incident.findMany({
    where: {
      status: "resolved",
      resolvedAt: { not: null },
      severity: { in: severities },
      OR: [{ postmortem: { is: null } }, { postmortem: { state: { not: "published" } } }],
      ...(covered ? { components: { some: { componentId: { in: covered } } } } : {}),
    },
    select: { id: true, number: true, title: true, severity: true, resolvedAt: true, postmortem: { select: { id: true, state: true } } },
  });
  const candidates: OwedCandidate[] = rows.map((r) => ({
    incidentId: r.id,
    ref: incidentRef(r.number),
    title: r.title,
    severity: r.severity as SeverityName,
    resolvedAt: r.resolvedAt!,
    postmortem: r.postmortem ? { id: r.postmortem.id, state: r.postmortem.state as PostmortemStateName } : null,
  }));
  return { dueDays, candidates };
}

export async function loadInsightsDataBefore(db: Db, query: InsightsQuery, now: Date): Promise<InsightsData> {
  const { filters, weights, components, covered } = await readFilters(db, query, now);
  const { range } = filters;
  const severity = filters.severity ? { severity: filters.severity } : {};
  const onComponents = covered ? { componentId: { in: covered } } : {};
  const incidentFilter = { ...severity, ...(covered ? { components: { some: onComponents } } : {}) };
  const inRange = { startedAt: { gte: range.previousFrom, lt: range.to }, ...incidentFilter };
  const windowsFrom = uptimeStart({ asOf: range.asOf, from: range.from, timeZone: filters.timeZone });

  // Flat queries joined here: a relation include would send every incident id back as a list.
  const [incidentRows, ownWindows, updateRows, uptimeWindows, itemRows] = await Promise.all([
    db.incident.findMany({
      where: inRange,
      select: { ...INCIDENT_REF_SELECT, status: true, detectedAt: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true },
    }),
    db.incidentComponent.findMany({
      where: { incident: { startedAt: { gte: range.from, lt: range.to }, ...incidentFilter } },
      select: WINDOW_SELECT,
    }),
    db.statusUpdate.findMany({
      where: { state: "published", incident: inRange },
      select: { id: true, incidentId: true, status: true, publishedAt: true, nextUpdateAt: true },
    }),
    db.incidentComponent.findMany({
      where: {
        ...onComponents,
        startedAt: { lt: range.asOf },
        OR: [{ endedAt: null }, { endedAt: { gt: windowsFrom } }],
        ...(filters.severity ? { incident: severity } : {}),
      },
      select: WINDOW_SELECT,
    }),
    db.actionItem.findMany({
      where: {
        ...(filters.severity || covered ? { postmortem: { incident: incidentFilter } } : {}),
        OR: [
          { createdAt: { gte: range.from, lt: range.to } },
          { closedAt: { gte: range.from, lt: range.to } },
          { state: { in: ["open", "in_progress"] }, dueAt: { lt: now } },
        ],
      },
      select: {
        id: true,
        title: true,
        state: true,
        dueAt: true,
        createdAt: true,
        closedAt: true,
        owner: { select: { name: true } },
        postmortem: { select: { incidentId: true } },
      },
    }),
  ]);

  const windowsOf = groupBy(ownWindows, (w) => w.incidentId);
  const updatesOf = groupBy(updateRows, (u) => u.incidentId ?? "");
  const loaded = new Set(incidentRows.map((i) => i.id));
  const postmortems = await owedCandidates(db, filters.severity, covered);
  const named = [
    ...uptimeWindows.map((w) => w.incidentId),
    ...itemRows.map((i) => i.postmortem.incidentId),
    ...postmortems.candidates.map((c) => c.incidentId),
  ];
  const missing = [...new Set(named)].filter((id) => !loaded.has(id));
  const others = missing.length ? await db.incident.findMany({ where: { id: { in: missing } }, select: INCIDENT_REF_SELECT }) : [];

  return {
    filters,
    weights,
    components,
    now,
    incidents: incidentRows.map((row) => ({
      ...refOf(row),
      status: row.status as IncidentStatusName,
      detectedAt: row.detectedAt,
      acknowledgedAt: row.acknowledgedAt,
      mitigatedAt: row.mitigatedAt,
      resolvedAt: row.resolvedAt,
      updates: (updatesOf.get(row.id) ?? [])
        .filter((u) => u.publishedAt !== null)
        .map((u) => ({ id: u.id, status: u.status, publishedAt: u.publishedAt!, nextUpdateAt: u.nextUpdateAt })),
      windows: (windowsOf.get(row.id) ?? []).map(windowOf),
    })),
    otherIncidents: others.map(refOf),
    windows: uptimeWindows.map(windowOf),
    actionItems: itemRows.map((i) => ({
      id: i.id,
      title: i.title,
      state: i.state as ActionItemStateName,
      dueAt: i.dueAt,
      createdAt: i.createdAt,
      closedAt: i.closedAt,
      owner: i.owner?.name ?? null,
      incidentId: i.postmortem.incidentId,
    })),
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
