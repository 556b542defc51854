-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "alertComponentLabel" TEXT NOT NULL DEFAULT 'component',
ADD COLUMN     "alertSeverityLabel" TEXT NOT NULL DEFAULT 'severity',
ADD COLUMN     "alertSeverityRules" TEXT;

-- CreateTable
CREATE TABLE "AlertGroup" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastNotifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AlertGroup_incidentId_idx" ON "AlertGroup"("incidentId");

-- AddForeignKey
ALTER TABLE "AlertGroup" ADD CONSTRAINT "AlertGroup_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

