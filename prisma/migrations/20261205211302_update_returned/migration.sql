-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StatusUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "incidentId" TEXT,
    "maintenanceId" TEXT,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "notify" BOOLEAN NOT NULL DEFAULT true,
    "nextUpdateInMinutes" INTEGER,
    "nextUpdateAt" DATETIME,
    "sourceEntryId" TEXT,
    "authorId" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "publishedById" TEXT,
    "publishedAt" DATETIME,
    "returnedById" TEXT,
    "returnedAt" DATETIME,
    "returnedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StatusUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StatusUpdate" ("approvedAt", "approvedById", "authorId", "body", "createdAt", "id", "incidentId", "maintenanceId", "nextUpdateAt", "nextUpdateInMinutes", "notify", "publishedAt", "publishedById", "sourceEntryId", "state", "status", "updatedAt") SELECT "approvedAt", "approvedById", "authorId", "body", "createdAt", "id", "incidentId", "maintenanceId", "nextUpdateAt", "nextUpdateInMinutes", "notify", "publishedAt", "publishedById", "sourceEntryId", "state", "status", "updatedAt" FROM "StatusUpdate";
DROP TABLE "StatusUpdate";
ALTER TABLE "new_StatusUpdate" RENAME TO "StatusUpdate";
CREATE INDEX "StatusUpdate_incidentId_publishedAt_idx" ON "StatusUpdate"("incidentId", "publishedAt");
CREATE INDEX "StatusUpdate_maintenanceId_publishedAt_idx" ON "StatusUpdate"("maintenanceId", "publishedAt");
CREATE INDEX "StatusUpdate_state_idx" ON "StatusUpdate"("state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

