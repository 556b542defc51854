-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "postmortemDueDaysSev1" INTEGER DEFAULT 5;
ALTER TABLE "Organization" ADD COLUMN "postmortemDueDaysSev2" INTEGER DEFAULT 10;
ALTER TABLE "Organization" ADD COLUMN "postmortemDueDaysSev3" INTEGER;
ALTER TABLE "Organization" ADD COLUMN "postmortemDueDaysSev4" INTEGER;

