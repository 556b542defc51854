-- CreateTable
CREATE TABLE "SlackCapture" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "entryId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackCapture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackApproval" (
    "updateId" TEXT NOT NULL,
    "channelId" TEXT,
    "messageTs" TEXT,
    "decision" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackApproval_pkey" PRIMARY KEY ("updateId")
);

-- CreateIndex
CREATE INDEX "SlackCapture_incidentId_idx" ON "SlackCapture"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackCapture_channelId_messageTs_key" ON "SlackCapture"("channelId", "messageTs");

-- AddForeignKey
ALTER TABLE "SlackCapture" ADD CONSTRAINT "SlackCapture_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackApproval" ADD CONSTRAINT "SlackApproval_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "StatusUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

