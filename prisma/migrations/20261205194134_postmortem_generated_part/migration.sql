-- AlterTable
ALTER TABLE "PostmortemSection" ADD COLUMN "generated" JSONB;
ALTER TABLE "PostmortemSection" ADD COLUMN "generatedAt" DATETIME;

