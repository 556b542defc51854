-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "payload" JSONB;

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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("createdAt", "id", "incidentCounter", "name", "pageId", "publicUrl", "timeZone", "updatedAt", "uptimeDegradedWeight", "uptimePartialWeight") SELECT "createdAt", "id", "incidentCounter", "name", "pageId", "publicUrl", "timeZone", "updatedAt", "uptimeDegradedWeight", "uptimePartialWeight" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

