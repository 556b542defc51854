-- Full-text search with Postgres's text search (docs/decisions/0017-search.md). Written by hand:
-- Prisma's schema cannot declare tsvector columns or GIN indexes, and `npm run db:migration`
-- diffs schema files, so it never drops them.

-- Post-mortem sections written before this migration: their plain text, from the tiptap JSON.
UPDATE "PostmortemSection" SET "text" = coalesce((
  SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query("PostmortemSection"."doc", 'strict $.**.text') AS t WHERE jsonb_typeof(t) = 'string'
), '');

-- Each searched table keeps its text's vector in a stored generated column (Postgres keeps it in
-- step), indexed with GIN. Ranking reads the vector of every candidate: recomputed per row (as with
-- an expression index) it took 0.35-0.9 s per search on a million entries (bench/scale).
-- An incident's title weighs more than its summary (A, B).
ALTER TABLE "Incident" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "summary"), 'B')) STORED;
CREATE INDEX "Incident_search_idx" ON "Incident" USING GIN ("searchVector");

ALTER TABLE "PostmortemSection" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;
CREATE INDEX "PostmortemSection_search_idx" ON "PostmortemSection" USING GIN ("searchVector");

-- Deleted entries are not indexed. Matches are ranked among the most recently written, found
-- through the "createdAt" index when a word is common (app/modules/search/postgres-search.server.ts).
ALTER TABLE "TimelineEntry" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;
CREATE INDEX "TimelineEntry_search_idx" ON "TimelineEntry" USING GIN ("searchVector") WHERE "deletedAt" IS NULL;
CREATE INDEX "TimelineEntry_search_recent_idx" ON "TimelineEntry" ("createdAt");
