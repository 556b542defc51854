-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "via" TEXT;

-- CreateTable
CREATE TABLE "SlackChannel" (
    "incidentId" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT,
    "name" TEXT,
    "declarerSlackId" TEXT,
    "invitedAt" DATETIME,
    "summaryTs" TEXT,
    "pinnedAt" DATETIME,
    "topic" TEXT,
    "announceTs" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SlackChannel_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SlackChannel_channelId_key" ON "SlackChannel"("channelId");

