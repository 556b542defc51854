// Search on Postgres: websearch_to_tsquery against each table's stored "searchVector" (generated
// from its text, GIN-indexed by the search migration), ranked by ts_rank, snippets by
// ts_headline. docs/decisions/0017-search.md.
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

/** ts_headline's options: the markers segmentsOf reads, about as much context as FTS5's snippet. */
const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const query = (websearch: string) => Prisma.sql`websearch_to_tsquery('english', ${websearch})`;

/**
 * Each kind's best `depth` matches by ts_rank (a title word weighs more than a summary word;
 * one more for the typed words standing together, `phrase`), merged, then the page. Timeline
 * entries are ranked among their RECENT_ENTRIES_RANKED most recently written matches: ranking
 * every match of a common word would read tens of thousands of rows.
 */
export async function rankPostgres(
  websearch: string,
  phrase: string,
  kinds: SearchKind[],
  depth: number,
  offset: number,
  limit: number,
): Promise<SearchHit[]> {
  const q = query(websearch);
  const p = query(phrase);
  const ranked: Record<SearchKind, Prisma.Sql> = {
    incident: Prisma.sql`(SELECT 'incident' AS "kind", "id" AS "key", ts_rank("searchVector", ${q}) + CASE WHEN "searchVector" @@ ${p} THEN 1 ELSE 0 END AS "score"
      FROM "Incident" WHERE "searchVector" @@ ${q}
      ORDER BY "score" DESC LIMIT ${depth})`,
    entry: Prisma.sql`(SELECT 'entry' AS "kind", "id" AS "key", ts_rank("searchVector", ${q}) + CASE WHEN "searchVector" @@ ${p} THEN 1 ELSE 0 END AS "score"
      FROM (SELECT "id", "searchVector" FROM "TimelineEntry" WHERE "searchVector" @@ ${q} AND "deletedAt" IS NULL
            ORDER BY "createdAt" DESC LIMIT ${RECENT_ENTRIES_RANKED}) AS "recent"
      ORDER BY "score" DESC LIMIT ${depth})`,
    postmortem: Prisma.sql`(SELECT 'postmortem' AS "kind", "id" AS "key", ts_rank("searchVector", ${q}) + CASE WHEN "searchVector" @@ ${p} THEN 1 ELSE 0 END AS "score"
      FROM "PostmortemSection" WHERE "searchVector" @@ ${q}
      ORDER BY "score" DESC LIMIT ${depth})`,
  };
  const union = Prisma.join(
    kinds.map((k) => ranked[k]),
    " UNION ALL ",
  );
  const hits = await db.$queryRaw<SearchHit[]>`SELECT "kind", "key", "score"::float8 AS "score" FROM (${union}) AS hits
    ORDER BY "score" DESC, "kind", "key" LIMIT ${limit} OFFSET ${offset}`;
  return hits;
}

/** The rows behind the page's hits, with their headlines (computed for these rows only). */
export async function fetchPostgresResults(websearch: string, hits: SearchHit[]): Promise<Map<string, SearchResult>> {
  const q = query(websearch);
  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => String(h.key));
  const incidents = ids("incident");
  const entries = ids("entry");
  const sections = ids("postmortem");
  const [incidentRows, entryRows, sectionRows] = await Promise.all([
    incidents.length
      ? db.$queryRaw<IncidentRow[]>`
          SELECT i."id" AS "key", i."number", i."title" AS "incidentTitle", i."startedAt" AS "at",
                 CASE WHEN to_tsvector('english', i."summary") @@ ${q}
                      THEN ts_headline('english', i."summary", ${q}, ${HEADLINE})
                      ELSE ts_headline('english', i."title", ${q}, ${HEADLINE}) END AS "snippet",
                 CASE WHEN to_tsvector('english', i."summary") @@ ${q} THEN i."summary" ELSE i."title" END AS "text"
          FROM "Incident" i WHERE i."id" IN (${Prisma.join(incidents)})`
      : [],
    entries.length
      ? db.$queryRaw<EntryRow[]>`
          SELECT e."id" AS "key", e."seq", e."kind"::text AS "entryKind", e."text", e."occurredAt" AS "at", i."number", i."title" AS "incidentTitle",
                 ts_headline('english', e."text", ${q}, ${HEADLINE}) AS "snippet"
          FROM "TimelineEntry" e JOIN "Incident" i ON i."id" = e."incidentId"
          WHERE e."id" IN (${Prisma.join(entries)}) AND e."deletedAt" IS NULL`
      : [],
    sections.length
      ? db.$queryRaw<SectionRow[]>`
          SELECT ps."id" AS "key", ps."postmortemId", ps."key" AS "sectionKey", ps."text", ps."updatedAt" AS "at", i."number", i."title" AS "incidentTitle",
                 ts_headline('english', ps."text", ${q}, ${HEADLINE}) AS "snippet"
          FROM "PostmortemSection" ps JOIN "Postmortem" p ON p."id" = ps."postmortemId" JOIN "Incident" i ON i."id" = p."incidentId"
          WHERE ps."id" IN (${Prisma.join(sections)})`
      : [],
  ]);
  const found = new Map<string, SearchResult>();
  for (const row of [...incidentRows, ...entryRows, ...sectionRows]) row.snippet = framed(row.snippet, row.text ?? "");
  for (const row of incidentRows) found.set(rowKey("incident", row.key), incidentResult(row));
  for (const row of entryRows) found.set(rowKey("entry", row.key), entryResult(row));
  for (const row of sectionRows) found.set(rowKey("postmortem", row.key), sectionResult(row));
  return found;
}

/** An ellipsis where the headline cuts the text, as FTS5's snippet() writes one. */
function framed(marked: string | null, text: string): string | null {
  if (!marked) return marked;
  const flat = (value: string) =>
    value
      .replace(/[\u0002\u0003]/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const [plain, full] = [flat(marked), flat(text)];
  const head = full.startsWith(plain.slice(0, 24)) ? "" : `${ELLIPSIS} `;
  const tail = full.endsWith(plain.slice(-24)) ? "" : ` ${ELLIPSIS}`;
  return `${head}${marked}${tail}`;
}
