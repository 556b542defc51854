-- AlterEnum
ALTER TYPE "DeliveryChannel" ADD VALUE 'slack';

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "via" TEXT;

-- CreateTable
CREATE TABLE "SlackChannel" (
    "incidentId" TEXT NOT NULL,
    "channelId" TEXT,
    "name" TEXT,
    "declarerSlackId" TEXT,
    "invitedAt" TIMESTAMP(3),
    "summaryTs" TEXT,
    "pinnedAt" TIMESTAMP(3),
    "topic" TEXT,
    "announceTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackChannel_pkey" PRIMARY KEY ("incidentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlackChannel_channelId_key" ON "SlackChannel"("channelId");

-- AddForeignKey
ALTER TABLE "SlackChannel" ADD CONSTRAINT "SlackChannel_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

