// One search across incidents (title, summary), timeline entries (text) and post-mortem sections
// (text), best matches first: FTS5 on SQLite, Postgres full-text search on Postgres.
// docs/decisions/0017-search.md.
import { isPostgres } from "~/utils/env.server.ts";
import { fail } from "~/utils/http.server.ts";
import { fetchPostgresResults, rankPostgres } from "./postgres-search.server.ts";
import {
  decodeCursor,
  encodeCursor,
  MAX_RESULTS,
  parseSearchQuery,
  SEARCH_KINDS,
  toFts5Match,
  toWebsearch,
  toWebsearchPhrase,
  type SearchKind,
} from "./query.ts";
import { inRankOrder, type SearchPage } from "./results.ts";
import { fetchSqliteResults, rankSqlite } from "./sqlite-search.server.ts";

export type SearchOptions = { limit: number; cursor?: string; kinds?: SearchKind[] };

/**
 * The page of results for what a person typed (already checked: 1–200 characters). Words must
 * all match, "quoted phrases" as phrases, -words must not; where the words stand together as
 * typed, a match ranks higher. A cursor from a previous page
 * continues it; results stop MAX_RESULTS deep. Deleted timeline entries are never found.
 *
 * Two reads, not one transaction: a row changed between them drops out of this page or shows its
 * new text, which a search may do, and SQLite's writers need not wait for it.
 */
export async function search(query: string, options: SearchOptions): Promise<SearchPage> {
  const offset = options.cursor === undefined ? 0 : decodeCursor(options.cursor);
  if (offset === null) fail("bad_request", "The cursor is not valid.", { cursor: "not a cursor from this search" });
  const kinds = options.kinds?.length ? options.kinds : [...SEARCH_KINDS];
  const limit = Math.min(options.limit, MAX_RESULTS - offset);
  const terms = parseSearchQuery(query);
  // Each kind's best `depth` are enough to fill the page at this offset, and one more tells if there is a next page.
  const depth = offset + limit + 1;

  let page;
  if (isPostgres()) {
    const websearch = toWebsearch(terms);
    if (!websearch) return { results: [], nextCursor: null };
    const hits = await rankPostgres(websearch, toWebsearchPhrase(terms)!, kinds, depth, offset, limit + 1);
    page = { hits, rows: await fetchPostgresResults(websearch, hits.slice(0, limit)) };
  } else {
    const match = toFts5Match(terms);
    if (!match) return { results: [], nextCursor: null };
    const hits = await rankSqlite(match, kinds, depth, offset, limit + 1);
    page = { hits, rows: await fetchSqliteResults(match, hits.slice(0, limit)) };
  }
  const more = page.hits.length > limit && offset + limit < MAX_RESULTS;
  return { results: inRankOrder(page.hits.slice(0, limit), page.rows), nextCursor: more ? encodeCursor(offset + limit) : null };
}
