-- CreateTable
CREATE TABLE "AlertGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastNotifiedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AlertGroup_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "webhookAllowedHosts" TEXT NOT NULL DEFAULT '',
    "alertSeverityLabel" TEXT NOT NULL DEFAULT 'severity',
    "alertSeverityRules" TEXT,
    "alertComponentLabel" TEXT NOT NULL DEFAULT 'component',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("createdAt", "id", "incidentCounter", "name", "pageId", "publicUrl", "timeZone", "updatedAt", "uptimeDegradedWeight", "uptimePartialWeight", "webhookAllowedHosts") SELECT "createdAt", "id", "incidentCounter", "name", "pageId", "publicUrl", "timeZone", "updatedAt", "uptimeDegradedWeight", "uptimePartialWeight", "webhookAllowedHosts" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AlertGroup_incidentId_idx" ON "AlertGroup"("incidentId");

