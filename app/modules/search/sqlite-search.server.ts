// Search on SQLite: the FTS5 indexes of the search migration (IncidentSearch, TimelineEntrySearch,
// PostmortemSectionSearch), ranked by bm25, snippets by snippet(). docs/decisions/0017-search.md.
import { Prisma } from "~/generated/prisma-sqlite/client.ts";
import { db } from "~/utils/db.server.ts";
import { RECENT_ENTRIES_RANKED, type SearchKind } from "./query.ts";
import {
  entryResult,
  incidentResult,
  rowKey,
  sectionResult,
  type EntryRow,
  type IncidentRow,
  type SearchHit,
  type SearchResult,
  type SectionRow,
} from "./results.ts";
import { ELLIPSIS, MATCH_END, MATCH_START } from "./snippet.ts";

/** Tokens of context a snippet shows around the matches (FTS5's maximum is 64). */
const SNIPPET_TOKENS = 24;

/**
 * Each kind's best `depth` matches by bm25, merged, then the page (bm25 is lower for better
 * matches). Timeline entries are ranked among their RECENT_ENTRIES_RANKED most recently written
 * matches (the index walks rowids backwards and stops), so a common word costs what a rare one does.
 */
export async function rankSqlite(match: string, kinds: SearchKind[], depth: number, offset: number, limit: number): Promise<SearchHit[]> {
  const ranked: Record<SearchKind, Prisma.Sql> = {
    incident: Prisma.sql`SELECT * FROM (SELECT 'incident' AS "kind", rowid AS "key", rank AS "score" FROM "IncidentSearch" WHERE "IncidentSearch" MATCH ${match} ORDER BY rank LIMIT ${depth})`,
    entry: Prisma.sql`SELECT * FROM (SELECT * FROM (
        SELECT 'entry' AS "kind", rowid AS "key", bm25("TimelineEntrySearch") AS "score" FROM "TimelineEntrySearch" WHERE "TimelineEntrySearch" MATCH ${match}
        ORDER BY rowid DESC LIMIT ${RECENT_ENTRIES_RANKED}) ORDER BY "score" LIMIT ${depth})`,
    postmortem: Prisma.sql`SELECT * FROM (SELECT 'postmortem' AS "kind", rowid AS "key", rank AS "score" FROM "PostmortemSectionSearch" WHERE "PostmortemSectionSearch" MATCH ${match} ORDER BY rank LIMIT ${depth})`,
  };
  const union = Prisma.join(
    kinds.map((k) => ranked[k]),
    " UNION ALL ",
  );
  return db.$queryRaw<
    SearchHit[]
  >`SELECT "kind", "key", "score" FROM (${union}) ORDER BY "score", "kind", "key" LIMIT ${limit} OFFSET ${offset}`;
}

/** The rows behind the page's hits, with their snippets (computed for these rows only). */
export async function fetchSqliteResults(match: string, hits: SearchHit[]): Promise<Map<string, SearchResult>> {
  const keys = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.key);
  const found = new Map<string, SearchResult>();
  const incidents = keys("incident");
  const entries = keys("entry");
  const sections = keys("postmortem");
  const [incidentRows, entryRows, sectionRows] = await Promise.all([
    incidents.length
      ? db.$queryRaw<IncidentRow[]>`
          SELECT "IncidentSearch".rowid AS "key", i."number", i."title" AS "incidentTitle", i."startedAt" AS "at",
                 snippet("IncidentSearch", -1, ${MATCH_START}, ${MATCH_END}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS "snippet"
          FROM "IncidentSearch" JOIN "Incident" i ON i.rowid = "IncidentSearch".rowid
          WHERE "IncidentSearch" MATCH ${match} AND "IncidentSearch".rowid IN (${Prisma.join(incidents)})`
      : [],
    entries.length
      ? db.$queryRaw<EntryRow[]>`
          SELECT "TimelineEntrySearch".rowid AS "key", e."seq", e."kind" AS "entryKind", e."text", e."occurredAt" AS "at", i."number", i."title" AS "incidentTitle",
                 snippet("TimelineEntrySearch", 0, ${MATCH_START}, ${MATCH_END}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS "snippet"
          FROM "TimelineEntrySearch" JOIN "TimelineEntry" e ON e.rowid = "TimelineEntrySearch".rowid JOIN "Incident" i ON i."id" = e."incidentId"
          WHERE "TimelineEntrySearch" MATCH ${match} AND "TimelineEntrySearch".rowid IN (${Prisma.join(entries)}) AND e."deletedAt" IS NULL`
      : [],
    sections.length
      ? db.$queryRaw<SectionRow[]>`
          SELECT "PostmortemSectionSearch".rowid AS "key", ps."postmortemId", ps."key" AS "sectionKey", ps."text", ps."updatedAt" AS "at", i."number", i."title" AS "incidentTitle",
                 snippet("PostmortemSectionSearch", 0, ${MATCH_START}, ${MATCH_END}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS "snippet"
          FROM "PostmortemSectionSearch" JOIN "PostmortemSection" ps ON ps.rowid = "PostmortemSectionSearch".rowid
            JOIN "Postmortem" p ON p."id" = ps."postmortemId" JOIN "Incident" i ON i."id" = p."incidentId"
          WHERE "PostmortemSectionSearch" MATCH ${match} AND "PostmortemSectionSearch".rowid IN (${Prisma.join(sections)})`
      : [],
  ]);
  for (const row of incidentRows) found.set(rowKey("incident", row.key), incidentResult(row));
  for (const row of entryRows) found.set(rowKey("entry", row.key), entryResult(row));
  for (const row of sectionRows) found.set(rowKey("postmortem", row.key), sectionResult(row));
  return found;
}
