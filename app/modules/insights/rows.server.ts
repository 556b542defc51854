// The insights' reads as plain SQL, written once for SQLite and Postgres: at 10,000 incidents
// they return ~10,000 flat rows, and Prisma's query interpreter and object mapping cost more
// than the database's own work on them (bench/scale, decision 0020). Each row is parsed with
// zod, so a column the code does not expect is an error here, not a wrong figure later.
// Rows come in a fixed order (by time, then id), so the incidents behind a figure are listed
// the same way on both databases. Dates: Prisma sends a Date parameter as each database stores it (SQLite: ISO text with its
// offset) and returns DateTime columns as Date on both.
import { z } from "zod";
import { Prisma } from "~/generated/prisma-sqlite/client.ts";
import { COMPONENT_IMPACTS, INCIDENT_STATUSES, SEVERITIES, type SeverityName } from "~/modules/incidents/lifecycle.ts";
import { ACTION_ITEM_STATES } from "~/modules/postmortems/sections.ts";
import { db } from "~/utils/db.server.ts";

/** Which incidents count: a severity, and/or an impact window on one of these components. */
export type IncidentScope = { severity: SeverityName | null; componentIds: string[] | null };

const Instant = z.date();
const Id = z.string();

const IncidentRowSchema = z.object({
  id: Id,
  number: z.coerce.number().int(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  startedAt: Instant,
});
const IncidentTimesRowSchema = IncidentRowSchema.extend({
  status: z.enum(INCIDENT_STATUSES),
  detectedAt: Instant,
  acknowledgedAt: Instant.nullable(),
  mitigatedAt: Instant.nullable(),
  resolvedAt: Instant.nullable(),
});
const WindowRowSchema = z.object({
  incidentId: Id,
  componentId: Id,
  impact: z.enum(COMPONENT_IMPACTS),
  startedAt: Instant,
  endedAt: Instant.nullable(),
});
const UpdateRowSchema = z.object({
  id: Id,
  incidentId: Id,
  status: z.string(),
  publishedAt: Instant.nullable(),
  nextUpdateAt: Instant.nullable(),
});
const ActionItemRowSchema = z.object({
  id: Id,
  title: z.string(),
  state: z.enum(ACTION_ITEM_STATES),
  dueAt: Instant.nullable(),
  createdAt: Instant,
  closedAt: Instant.nullable(),
  owner: z.string().nullable(),
  incidentId: Id,
});

export type IncidentRow = z.output<typeof IncidentRowSchema>;
export type IncidentTimesRow = z.output<typeof IncidentTimesRowSchema>;
export type WindowRow = z.output<typeof WindowRowSchema>;
export type UpdateRow = z.output<typeof UpdateRowSchema>;
export type ActionItemRow = z.output<typeof ActionItemRowSchema>;

async function rows<S extends z.ZodType>(schema: S, query: Prisma.Sql): Promise<z.output<S>[]> {
  return z.array(schema).parse(await db.$queryRaw(query));
}

// Enums are compared as text: Postgres stores them as its own enum types, SQLite as text.
const INCIDENT_COLUMNS = Prisma.sql`i."id", i."number", i."title", CAST(i."severity" AS TEXT) AS "severity", i."startedAt"`;

/** The scope's conditions on the incident aliased `i` (always at least one, so they can follow AND). */
function scopeOf(scope: IncidentScope): Prisma.Sql {
  const parts = [Prisma.sql`1 = 1`];
  if (scope.severity) parts.push(Prisma.sql`CAST(i."severity" AS TEXT) = ${scope.severity}`);
  if (scope.componentIds) {
    const ids = scope.componentIds.length ? Prisma.join(scope.componentIds) : Prisma.sql`NULL`;
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "IncidentComponent" s WHERE s."incidentId" = i."id" AND s."componentId" IN (${ids}))`);
  }
  return Prisma.join(parts, " AND ");
}

/** Incidents in scope started in [from, to), with their milestones. */
export function incidentsStarted(scope: IncidentScope, from: Date, to: Date): Promise<IncidentTimesRow[]> {
  return rows(
    IncidentTimesRowSchema,
    Prisma.sql`SELECT ${INCIDENT_COLUMNS}, CAST(i."status" AS TEXT) AS "status", i."detectedAt", i."acknowledgedAt", i."mitigatedAt", i."resolvedAt"
      FROM "Incident" i WHERE i."startedAt" >= ${from} AND i."startedAt" < ${to} AND ${scopeOf(scope)}
      ORDER BY i."startedAt", i."id"`,
  );
}

/** Incidents by id (those named only by an impact window or an action item). */
export function incidentsById(ids: string[]): Promise<IncidentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rows(IncidentRowSchema, Prisma.sql`SELECT ${INCIDENT_COLUMNS} FROM "Incident" i WHERE i."id" IN (${Prisma.join(ids)})`);
}

const WINDOW_COLUMNS = Prisma.sql`w."incidentId", w."componentId", CAST(w."impact" AS TEXT) AS "impact", w."startedAt", w."endedAt"`;

/** Every impact window of the incidents in scope started in [from, to). */
export function windowsOfIncidentsStarted(scope: IncidentScope, from: Date, to: Date): Promise<WindowRow[]> {
  return rows(
    WindowRowSchema,
    Prisma.sql`SELECT ${WINDOW_COLUMNS} FROM "IncidentComponent" w JOIN "Incident" i ON i."id" = w."incidentId"
      WHERE i."startedAt" >= ${from} AND i."startedAt" < ${to} AND ${scopeOf(scope)}
      ORDER BY w."startedAt", w."id"`,
  );
}

/** Impact windows on these components (all: null) that overlap [from, to), of incidents of this severity (any: null). */
export function windowsOverlapping(
  componentIds: string[] | null,
  severity: SeverityName | null,
  from: Date,
  to: Date,
): Promise<WindowRow[]> {
  const onComponents = componentIds
    ? Prisma.sql`AND w."componentId" IN (${componentIds.length ? Prisma.join(componentIds) : Prisma.sql`NULL`})`
    : Prisma.empty;
  const ofSeverity = severity ? Prisma.sql`AND CAST(i."severity" AS TEXT) = ${severity}` : Prisma.empty;
  return rows(
    WindowRowSchema,
    Prisma.sql`SELECT ${WINDOW_COLUMNS} FROM "IncidentComponent" w JOIN "Incident" i ON i."id" = w."incidentId"
      WHERE w."startedAt" < ${to} AND (w."endedAt" IS NULL OR w."endedAt" > ${from}) ${onComponents} ${ofSeverity}
      ORDER BY w."startedAt", w."id"`,
  );
}

/** Published updates of the incidents in scope started in [from, to). */
export function publishedUpdates(scope: IncidentScope, from: Date, to: Date): Promise<UpdateRow[]> {
  return rows(
    UpdateRowSchema,
    Prisma.sql`SELECT u."id", u."incidentId", u."status", u."publishedAt", u."nextUpdateAt" FROM "StatusUpdate" u JOIN "Incident" i ON i."id" = u."incidentId"
      WHERE i."startedAt" >= ${from} AND i."startedAt" < ${to} AND ${scopeOf(scope)} AND CAST(u."state" AS TEXT) = 'published'
      ORDER BY u."publishedAt", u."id"`,
  );
}

/** Action items of post-mortems in scope opened or closed in [from, to), or open past their due date at `now`. */
export function actionItemsTouched(scope: IncidentScope, from: Date, to: Date, now: Date): Promise<ActionItemRow[]> {
  return rows(
    ActionItemRowSchema,
    Prisma.sql`SELECT a."id", a."title", CAST(a."state" AS TEXT) AS "state", a."dueAt", a."createdAt", a."closedAt", o."name" AS "owner", p."incidentId"
      FROM "ActionItem" a JOIN "Postmortem" p ON p."id" = a."postmortemId" JOIN "Incident" i ON i."id" = p."incidentId" LEFT JOIN "User" o ON o."id" = a."ownerId"
      WHERE ${scopeOf(scope)} AND ((a."createdAt" >= ${from} AND a."createdAt" < ${to}) OR (a."closedAt" >= ${from} AND a."closedAt" < ${to})
        OR (CAST(a."state" AS TEXT) IN ('open', 'in_progress') AND a."dueAt" < ${now}))
      ORDER BY a."createdAt", a."id"`,
  );
}
