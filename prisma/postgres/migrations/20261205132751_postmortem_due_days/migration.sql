-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "postmortemDueDaysSev1" INTEGER DEFAULT 5,
ADD COLUMN     "postmortemDueDaysSev2" INTEGER DEFAULT 10,
ADD COLUMN     "postmortemDueDaysSev3" INTEGER,
ADD COLUMN     "postmortemDueDaysSev4" INTEGER;

