-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "nextUpdateDueAt" DATETIME;
ALTER TABLE "Incident" ADD COLUMN "publicImpact" TEXT;
ALTER TABLE "Incident" ADD COLUMN "publicMonitoringAt" DATETIME;
ALTER TABLE "Incident" ADD COLUMN "publicResolvedAt" DATETIME;
ALTER TABLE "Incident" ADD COLUMN "publicStatus" TEXT;
ALTER TABLE "Incident" ADD COLUMN "publicTitle" TEXT;
ALTER TABLE "Incident" ADD COLUMN "publicUpdatedAt" DATETIME;
ALTER TABLE "Incident" ADD COLUMN "publishedAt" DATETIME;

-- CreateTable
CREATE TABLE "StatusUpdate" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StatusUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusUpdateComponent" (
    "updateId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "newStatus" TEXT NOT NULL,
    "oldStatus" TEXT,

    PRIMARY KEY ("updateId", "componentId"),
    CONSTRAINT "StatusUpdateComponent_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "StatusUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdateComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Maintenance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "scheduledFor" DATETIME NOT NULL,
    "scheduledUntil" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "completedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Maintenance_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaintenanceComponent" (
    "maintenanceId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,

    PRIMARY KEY ("maintenanceId", "componentId"),
    CONSTRAINT "MaintenanceComponent_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MaintenanceComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComponentStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "componentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "updateId" TEXT,
    "maintenanceId" TEXT,
    CONSTRAINT "ComponentStatusChange_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Template" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "publicUrl" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Etc/UTC',
    "incidentCounter" INTEGER NOT NULL DEFAULT 0,
    "pageId" TEXT,
    "uptimePartialWeight" REAL NOT NULL DEFAULT 0.3,
    "uptimeDegradedWeight" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("createdAt", "id", "incidentCounter", "name", "publicUrl", "timeZone", "updatedAt") SELECT "createdAt", "id", "incidentCounter", "name", "publicUrl", "timeZone", "updatedAt" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StatusUpdate_incidentId_publishedAt_idx" ON "StatusUpdate"("incidentId", "publishedAt");

-- CreateIndex
CREATE INDEX "StatusUpdate_maintenanceId_publishedAt_idx" ON "StatusUpdate"("maintenanceId", "publishedAt");

-- CreateIndex
CREATE INDEX "StatusUpdate_state_idx" ON "StatusUpdate"("state");

-- CreateIndex
CREATE INDEX "StatusUpdateComponent_componentId_idx" ON "StatusUpdateComponent"("componentId");

-- CreateIndex
CREATE INDEX "Maintenance_status_scheduledFor_idx" ON "Maintenance"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "ComponentStatusChange_componentId_at_idx" ON "ComponentStatusChange"("componentId", "at");

-- CreateIndex
CREATE INDEX "ComponentStatusChange_at_idx" ON "ComponentStatusChange"("at");

-- CreateIndex
CREATE INDEX "Incident_publishedAt_idx" ON "Incident"("publishedAt");

