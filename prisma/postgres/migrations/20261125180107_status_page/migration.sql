-- CreateEnum
CREATE TYPE "PublicIncidentStatus" AS ENUM ('investigating', 'identified', 'monitoring', 'resolved', 'postmortem');

-- CreateEnum
CREATE TYPE "IncidentImpact" AS ENUM ('none', 'minor', 'major', 'critical');

-- CreateEnum
CREATE TYPE "MaintenanceStatus" AS ENUM ('scheduled', 'in_progress', 'verifying', 'completed');

-- CreateEnum
CREATE TYPE "UpdateState" AS ENUM ('draft', 'awaiting_approval', 'approved', 'published');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "pageId" TEXT,
ADD COLUMN     "uptimeDegradedWeight" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "uptimePartialWeight" DOUBLE PRECISION NOT NULL DEFAULT 0.3;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "nextUpdateDueAt" TIMESTAMP(3),
ADD COLUMN     "publicImpact" "IncidentImpact",
ADD COLUMN     "publicMonitoringAt" TIMESTAMP(3),
ADD COLUMN     "publicResolvedAt" TIMESTAMP(3),
ADD COLUMN     "publicStatus" "PublicIncidentStatus",
ADD COLUMN     "publicTitle" TEXT,
ADD COLUMN     "publicUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT,
    "maintenanceId" TEXT,
    "status" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" "UpdateState" NOT NULL DEFAULT 'draft',
    "notify" BOOLEAN NOT NULL DEFAULT true,
    "nextUpdateInMinutes" INTEGER,
    "nextUpdateAt" TIMESTAMP(3),
    "sourceEntryId" TEXT,
    "authorId" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusUpdateComponent" (
    "updateId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "newStatus" "ComponentStatus" NOT NULL,
    "oldStatus" "ComponentStatus",

    CONSTRAINT "StatusUpdateComponent_pkey" PRIMARY KEY ("updateId","componentId")
);

-- CreateTable
CREATE TABLE "Maintenance" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "MaintenanceStatus" NOT NULL DEFAULT 'scheduled',
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "scheduledUntil" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Maintenance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceComponent" (
    "maintenanceId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,

    CONSTRAINT "MaintenanceComponent_pkey" PRIMARY KEY ("maintenanceId","componentId")
);

-- CreateTable
CREATE TABLE "ComponentStatusChange" (
    "id" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "status" "ComponentStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "updateId" TEXT,
    "maintenanceId" TEXT,

    CONSTRAINT "ComponentStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Template" (
    "key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Template_pkey" PRIMARY KEY ("key")
);

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

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdateComponent" ADD CONSTRAINT "StatusUpdateComponent_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "StatusUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdateComponent" ADD CONSTRAINT "StatusUpdateComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Maintenance" ADD CONSTRAINT "Maintenance_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceComponent" ADD CONSTRAINT "MaintenanceComponent_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "Maintenance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceComponent" ADD CONSTRAINT "MaintenanceComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentStatusChange" ADD CONSTRAINT "ComponentStatusChange_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

