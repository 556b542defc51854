-- The audit log: indexes for its keyset pages per filter; a user who acted cannot be deleted
-- (RESTRICT instead of SET NULL, which would rewrite their rows); and, written by hand below,
-- triggers that refuse UPDATE and DELETE of audit rows (docs/decisions/0022-audit-log.md).

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "tokenId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "after", "at", "before", "entityId", "entityType", "id", "requestId", "tokenId") SELECT "action", "actorId", "after", "at", "before", "entityId", "entityType", "id", "requestId", "tokenId" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_entityType_entityId_at_id_idx" ON "AuditEvent"("entityType", "entityId", "at", "id");
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");
CREATE INDEX "AuditEvent_actorId_at_id_idx" ON "AuditEvent"("actorId", "at", "id");
CREATE INDEX "AuditEvent_tokenId_at_id_idx" ON "AuditEvent"("tokenId", "at", "id");
CREATE INDEX "AuditEvent_action_at_id_idx" ON "AuditEvent"("action", "at", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Hand-written: Prisma's schema cannot declare triggers. A later migration that rebuilds
-- "AuditEvent" (Prisma's new_… / copy / DROP / RENAME) drops them and must create them again
-- (app/modules/audit/immutable-migrations.test.ts checks).
CREATE TRIGGER "AuditEvent_refuse_update" BEFORE UPDATE ON "AuditEvent" BEGIN
  SELECT RAISE(ABORT, 'audit events cannot be changed');
END;
CREATE TRIGGER "AuditEvent_refuse_delete" BEFORE DELETE ON "AuditEvent" BEGIN
  SELECT RAISE(ABORT, 'audit events cannot be deleted');
END;
