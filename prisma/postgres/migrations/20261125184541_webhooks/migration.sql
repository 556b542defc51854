-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "webhookAllowedHosts" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "payload" JSONB;

