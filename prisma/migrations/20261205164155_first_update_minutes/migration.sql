-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "firstUpdateMinutesSev1" INTEGER DEFAULT 10;
ALTER TABLE "Organization" ADD COLUMN "firstUpdateMinutesSev2" INTEGER DEFAULT 20;
ALTER TABLE "Organization" ADD COLUMN "firstUpdateMinutesSev3" INTEGER DEFAULT 60;
ALTER TABLE "Organization" ADD COLUMN "firstUpdateMinutesSev4" INTEGER;

