-- Full-text search with FTS5 (docs/decisions/0017-search.md). Written by hand: Prisma's schema
-- cannot declare virtual tables or triggers, and `npm run db:migration` diffs schema files, so it
-- never drops them. Each index is an external-content table keyed on its source table's rowid and
-- kept in step by triggers; the text itself is read from the source table.
-- A later migration that rebuilds "Incident", "TimelineEntry" or "PostmortemSection" (Prisma's
-- CREATE "new_…" / INSERT / DROP / RENAME) drops these triggers: it must re-create them and
-- re-index that table (app/modules/search/index-migrations.test.ts checks).

-- Post-mortem sections written before this migration: their plain text, from the tiptap JSON.
UPDATE "PostmortemSection" SET "text" = coalesce((
  SELECT group_concat(j."value", ' ') FROM json_tree("PostmortemSection"."doc") AS j WHERE j."key" = 'text' AND j."type" = 'text'
), '');

CREATE VIRTUAL TABLE "IncidentSearch" USING fts5("title", "summary", content='Incident', tokenize='porter unicode61 remove_diacritics 2');
-- A word in the title counts four times one in the summary.
INSERT INTO "IncidentSearch"("IncidentSearch", "rank") VALUES ('rank', 'bm25(4.0, 1.0)');
INSERT INTO "IncidentSearch"("IncidentSearch") VALUES ('rebuild');
CREATE TRIGGER "Incident_search_insert" AFTER INSERT ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"(rowid, "title", "summary") VALUES (new.rowid, new."title", new."summary");
END;
CREATE TRIGGER "Incident_search_update" AFTER UPDATE OF "title", "summary" ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"("IncidentSearch", rowid, "title", "summary") VALUES ('delete', old.rowid, old."title", old."summary");
  INSERT INTO "IncidentSearch"(rowid, "title", "summary") VALUES (new.rowid, new."title", new."summary");
END;
CREATE TRIGGER "Incident_search_delete" AFTER DELETE ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"("IncidentSearch", rowid, "title", "summary") VALUES ('delete', old.rowid, old."title", old."summary");
END;

-- Deleted entries are not indexed: the index's content is the view of entries not deleted, so an
-- entry leaves the index when deletedAt is set, and 'rebuild' and 'integrity-check' agree.
CREATE VIEW "LiveTimelineEntry" AS SELECT rowid AS "entryRowid", "text" FROM "TimelineEntry" WHERE "deletedAt" IS NULL;
CREATE VIRTUAL TABLE "TimelineEntrySearch" USING fts5("text", content='LiveTimelineEntry', content_rowid='entryRowid', tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO "TimelineEntrySearch"("TimelineEntrySearch") VALUES ('rebuild');
CREATE TRIGGER "TimelineEntry_search_insert" AFTER INSERT ON "TimelineEntry" WHEN new."deletedAt" IS NULL BEGIN
  INSERT INTO "TimelineEntrySearch"(rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "TimelineEntry_search_update" AFTER UPDATE OF "text", "deletedAt" ON "TimelineEntry" BEGIN
  INSERT INTO "TimelineEntrySearch"("TimelineEntrySearch", rowid, "text") SELECT 'delete', old.rowid, old."text" WHERE old."deletedAt" IS NULL;
  INSERT INTO "TimelineEntrySearch"(rowid, "text") SELECT new.rowid, new."text" WHERE new."deletedAt" IS NULL;
END;
CREATE TRIGGER "TimelineEntry_search_delete" AFTER DELETE ON "TimelineEntry" WHEN old."deletedAt" IS NULL BEGIN
  INSERT INTO "TimelineEntrySearch"("TimelineEntrySearch", rowid, "text") VALUES ('delete', old.rowid, old."text");
END;

CREATE VIRTUAL TABLE "PostmortemSectionSearch" USING fts5("text", content='PostmortemSection', tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO "PostmortemSectionSearch"("PostmortemSectionSearch") VALUES ('rebuild');
CREATE TRIGGER "PostmortemSection_search_insert" AFTER INSERT ON "PostmortemSection" BEGIN
  INSERT INTO "PostmortemSectionSearch"(rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "PostmortemSection_search_update" AFTER UPDATE OF "text" ON "PostmortemSection" BEGIN
  INSERT INTO "PostmortemSectionSearch"("PostmortemSectionSearch", rowid, "text") VALUES ('delete', old.rowid, old."text");
  INSERT INTO "PostmortemSectionSearch"(rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "PostmortemSection_search_delete" AFTER DELETE ON "PostmortemSection" BEGIN
  INSERT INTO "PostmortemSectionSearch"("PostmortemSectionSearch", rowid, "text") VALUES ('delete', old.rowid, old."text");
END;
