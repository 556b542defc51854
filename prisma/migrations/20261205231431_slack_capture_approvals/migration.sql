-- CreateTable
CREATE TABLE "SlackCapture" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "entryId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlackCapture_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlackApproval" (
    "updateId" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT,
    "messageTs" TEXT,
    "decision" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SlackApproval_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "StatusUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SlackCapture_incidentId_idx" ON "SlackCapture"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackCapture_channelId_messageTs_key" ON "SlackCapture"("channelId", "messageTs");

