-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "nextUpdateRemindedFor" DATETIME;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recipientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "incidentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "postmortemDueDaysSev1" INTEGER DEFAULT 5,
    "postmortemDueDaysSev2" INTEGER DEFAULT 10,
    "postmortemDueDaysSev3" INTEGER,
    "postmortemDueDaysSev4" INTEGER,
    "firstUpdateMinutesSev1" INTEGER DEFAULT 10,
    "firstUpdateMinutesSev2" INTEGER DEFAULT 20,
    "firstUpdateMinutesSev3" INTEGER DEFAULT 60,
    "firstUpdateMinutesSev4" INTEGER,
    "commanderMayPublish" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("alertComponentLabel", "alertSeverityLabel", "alertSeverityRules", "createdAt", "firstUpdateMinutesSev1", "firstUpdateMinutesSev2", "firstUpdateMinutesSev3", "firstUpdateMinutesSev4", "id", "incidentCounter", "name", "pageId", "postmortemDueDaysSev1", "postmortemDueDaysSev2", "postmortemDueDaysSev3", "postmortemDueDaysSev4", "publicUrl", "timeZone", "updatedAt", "uptimeDegradedWeight", "uptimePartialWeight", "webhookAllowedHosts") SELECT "alertComponentLabel", "alertSeverityLabel", "alertSeverityRules", "createdAt", "firstUpdateMinutesSev1", "firstUpdateMinutesSev2", "firstUpdateMinutesSev3", "firstUpdateMinutesSev4", "id", "incidentCounter", "name", "pageId", "postmortemDueDaysSev1", "postmortemDueDaysSev2", "postmortemDueDaysSev3", "postmortemDueDaysSev4", "publicUrl", "timeZone", "updatedAt", "uptimeDegradedWeight", "uptimePartialWeight", "webhookAllowedHosts" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

