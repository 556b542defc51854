// Reading the audit log: filtered, newest first, a page at a time by keyset (at, id), so a
// page costs the same at any depth and events written meanwhile never shift the pages read.
// Nothing here writes: audit rows are only ever created (audit.server.ts), and the database
// refuses UPDATE and DELETE of them (decision 0022).
import { db } from "~/utils/db.server.ts";
import type { Model } from "~/utils/db.server.ts";
import { fail, fieldErrors } from "~/utils/http.server.ts";
import { actionInWords, changedFields, entityLink, type EntityFacts } from "./describe.ts";
import { entityFacts, nameOfValue, namesOfIds } from "./names.server.ts";
import { AuditFiltersSchema, DEFAULT_PAGE_SIZE, ID, instantRange, type AuditFilters, type InstantRange } from "./filters.ts";
import { isStorable } from "~/utils/instants.ts";
import type { AuditActorView, AuditEventView } from "./event-view.ts";

type Cursor = { at: Date; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");
}

function readCursor(value: string): Cursor | null {
  const [at, id, extra] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const time = new Date(at ?? "");
  if (extra !== undefined || !id || !ID.test(id) || Number.isNaN(time.getTime()) || !isStorable(time)) return null;
  return { at: time, id };
}

function decodeCursor(value: string): Cursor {
  return readCursor(value) ?? fail("bad_request", "Some query parameters are not valid.", { cursor: "is not a cursor from this log" });
}

export type AuditQuery = { ok: true; filters: AuditFilters; range: InstantRange } | { ok: false; errors: Record<string, string> };

/**
 * The log's GET parameters, read in the reader's time zone: the filters and their range in
 * instants, or each bad parameter with its reason (the page shows them; the API answers 400).
 */
export function parseAuditQuery(params: URLSearchParams, timeZone: string): AuditQuery {
  const parsed = AuditFiltersSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const range = instantRange(parsed.data, timeZone);
  if ("error" in range) return { ok: false, errors: range.error };
  if (parsed.data.cursor && !readCursor(parsed.data.cursor)) return { ok: false, errors: { cursor: "is not a cursor from this log" } };
  return { ok: true, filters: parsed.data, range };
}

/** The filters of an API request or an export; a 400 naming each bad parameter. */
export function requireAuditQuery(request: Request, timeZone: string): AuditFilters {
  const query = parseAuditQuery(new URL(request.url).searchParams, timeZone);
  if (!query.ok) fail("bad_request", "Some query parameters are not valid.", query.errors);
  return query.filters;
}

/** The rows the filters select, in the reader's time zone; a 400 naming the field when they cannot select any. */
function whereOf(filters: AuditFilters, timeZone: string, cursor: Cursor | null): Model.Prisma.AuditEventWhereInput {
  const range = instantRange(filters, timeZone);
  if ("error" in range) fail("bad_request", "Some query parameters are not valid.", range.error);
  const actor = filters.actor;
  return {
    AND: [
      actor?.kind === "user"
        ? { actorId: actor.id }
        : actor?.kind === "token"
          ? { tokenId: actor.id }
          : actor
            ? { actorId: null, tokenId: null }
            : {},
      filters.action ? { action: filters.action } : {},
      filters.entityType ? { entityType: filters.entityType } : {},
      filters.entityId ? { entityId: filters.entityId } : {},
      range.from ? { at: { gte: range.from } } : {},
      range.before ? { at: { lt: range.before } } : {},
      // The leading range on `at` lets the index seek straight to the page.
      cursor ? { at: { lte: cursor.at }, OR: [{ at: { lt: cursor.at } }, { id: { lt: cursor.id } }] } : {},
    ],
  };
}

const ROW_INCLUDE = { actor: { select: { id: true, name: true, email: true } } } as const;
type Row = Model.Prisma.AuditEventGetPayload<{ include: typeof ROW_INCLUDE }>;

async function readRows(filters: AuditFilters, timeZone: string, cursor: Cursor | null, take: number): Promise<Row[]> {
  return db.auditEvent.findMany({
    where: whereOf(filters, timeZone, cursor),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    include: ROW_INCLUDE,
  });
}

async function tokenNames(rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.tokenId ? [r.tokenId] : [])))];
  if (!ids.length) return new Map();
  const tokens = await db.apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(tokens.map((t) => [t.id, t.name]));
}

function actorOf(row: Row, tokens: Map<string, string>): AuditActorView {
  if (row.tokenId && row.actor) {
    return {
      kind: "token",
      id: row.actor.id,
      name: row.actor.name,
      email: row.actor.email,
      token: { id: row.tokenId, name: tokens.get(row.tokenId) ?? "(unknown token)" },
    };
  }
  if (row.actor) return { kind: "user", id: row.actor.id, name: row.actor.name, email: row.actor.email, token: null };
  return { kind: "system" };
}

function viewOf(row: Row, tokens: Map<string, string>, facts: Map<string, EntityFacts>, names: Map<string, string>): AuditEventView {
  const before = row.before ?? null;
  const after = row.after ?? null;
  const fact = facts.get(`${row.entityType}:${row.entityId}`);
  const changes = changedFields(before, after).map((c) => {
    const [beforeName, afterName] = [nameOfValue(c.field, c.before, names), nameOfValue(c.field, c.after, names)];
    return { ...c, ...(beforeName ? { beforeName } : {}), ...(afterName ? { afterName } : {}) };
  });
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actionText: actionInWords(row.action),
    actor: actorOf(row, tokens),
    entity: { type: row.entityType, id: row.entityId, label: fact?.label ?? null, link: entityLink(row.entityType, row.entityId, fact) },
    before,
    after,
    changes,
    requestId: row.requestId,
    via: row.via ?? null,
  };
}

/** The events of rows read together, in names: tokens, entities and the ids their changes recorded. */
async function viewsOf(rows: Row[]): Promise<AuditEventView[]> {
  const [tokens, facts, names] = await Promise.all([
    tokenNames(rows),
    entityFacts(rows),
    namesOfIds(rows.flatMap((r) => changedFields(r.before ?? null, r.after ?? null))),
  ]);
  return rows.map((r) => viewOf(r, tokens, facts, names));
}

/** One page, newest first, and the cursor of the next (null on the last). */
export async function listAuditEvents(
  filters: AuditFilters,
  timeZone: string,
): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  const rows = await readRows(filters, timeZone, cursor, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { events: await viewsOf(page), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}

const EXPORT_BATCH = 500;

/**
 * Every event the filters select (from the cursor, if any), in batches read by keyset, so an
 * export of any size holds one batch in memory.
 * The filters are checked before the first batch is asked for (a 400, not a broken download).
 */
export function auditEventBatches(filters: AuditFilters, timeZone: string): AsyncGenerator<AuditEventView[]> {
  let cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  whereOf(filters, timeZone, cursor);
  return (async function* () {
    for (;;) {
      const rows = await readRows(filters, timeZone, cursor, EXPORT_BATCH);
      if (!rows.length) return;
      yield await viewsOf(rows);
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1]!;
      cursor = { at: last.at, id: last.id };
    }
  })();
}

export type AuditFilterChoices = {
  people: { id: string; name: string; email: string }[];
  tokens: { id: string; name: string; owner: string; revoked: boolean }[];
  actions: string[];
  entityTypes: string[];
};

/** The values the filter form offers: everyone, every token, and the actions and entity types logged. */
export async function auditFilterChoices(): Promise<AuditFilterChoices> {
  const [people, tokens, actions, entityTypes] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    db.apiToken.findMany({ select: { id: true, name: true, revokedAt: true, user: { select: { name: true } } }, orderBy: { name: "asc" } }),
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  return {
    people,
    tokens: tokens.map((t) => ({ id: t.id, name: t.name, owner: t.user.name, revoked: t.revokedAt !== null })),
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}
