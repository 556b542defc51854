-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "firstUpdateMinutesSev1" INTEGER DEFAULT 10,
ADD COLUMN     "firstUpdateMinutesSev2" INTEGER DEFAULT 20,
ADD COLUMN     "firstUpdateMinutesSev3" INTEGER DEFAULT 60,
ADD COLUMN     "firstUpdateMinutesSev4" INTEGER;

