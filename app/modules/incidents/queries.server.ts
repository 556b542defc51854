import { db } from "~/utils/db.server.ts";
import { fail, notFound } from "~/utils/http.server.ts";
import type { IncidentFilters } from "./schemas.ts";
import { INCIDENT_INCLUDE, incidentView, loadIncidentRow } from "./view.server.ts";
import type { IncidentView } from "./view.ts";

export async function getIncident(id: string): Promise<IncidentView | null> {
  const row = await loadIncidentRow(db, id);
  return row && incidentView(row);
}

/** The incident's last event sequence, or null when there is no such incident. */
export async function incidentLastSeq(id: string): Promise<number | null> {
  const row = await db.incident.findUnique({ where: { id }, select: { lastSeq: true } });
  return row?.lastSeq ?? null;
}

/** Finds an incident by id or by its reference (INC-42 or 42). */
export async function findIncidentId(idOrRef: string): Promise<string | null> {
  const ref = /^(?:INC-)?(\d{1,9})$/i.exec(idOrRef);
  const row = ref
    ? await db.incident.findUnique({ where: { number: Number(ref[1]) }, select: { id: true } })
    : await db.incident.findUnique({ where: { id: idOrRef }, select: { id: true } });
  return row?.id ?? null;
}

/** The incident's id for an id or reference; a 404 in the API's error shape when there is none. */
export async function requireIncidentId(idOrRef: string): Promise<string> {
  const id = await findIncidentId(idOrRef);
  if (!id) notFound("Incident");
  return id;
}

type Cursor = { startedAt: Date; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.startedAt.toISOString()}|${c.id}`).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const startedAt = new Date(at ?? "");
  // A time no database column holds cannot come from this API (encodeCursor), and would fail the query.
  const time = startedAt.getTime();
  if (!id || Number.isNaN(time) || time < 0 || time >= Date.UTC(10000, 0, 1))
    fail("bad_request", "The cursor is not valid.", { cursor: "not a cursor from this API" });
  return { startedAt, id };
}

/** Newest first, by keyset (startedAt, id), so a page costs the same at any depth. */
export async function listIncidents(filters: IncidentFilters): Promise<{ incidents: IncidentView[]; nextCursor: string | null }> {
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  const where = {
    AND: [
      filters.status === "open" ? { status: { not: "resolved" as const } } : filters.status ? { status: filters.status } : {},
      filters.severity ? { severity: filters.severity } : {},
      filters.component ? { components: { some: { componentId: filters.component } } } : {},
      filters.from ? { startedAt: { gte: filters.from } } : {},
      filters.to ? { startedAt: { lte: filters.to } } : {},
      filters.q ? { title: { contains: filters.q } } : {},
      cursor
        ? // The leading range on startedAt lets the index seek straight to the page.
          { startedAt: { lte: cursor.startedAt }, OR: [{ startedAt: { lt: cursor.startedAt } }, { id: { lt: cursor.id } }] }
        : {},
    ],
  };
  const rows = await db.incident.findMany({
    where,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    include: INCIDENT_INCLUDE,
  });
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return { incidents: page.map(incidentView), nextCursor: rows.length > filters.limit && last ? encodeCursor(last) : null };
}
