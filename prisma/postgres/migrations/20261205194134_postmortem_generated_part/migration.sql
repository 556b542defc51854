-- AlterTable
ALTER TABLE "PostmortemSection" ADD COLUMN     "generated" JSONB,
ADD COLUMN     "generatedAt" TIMESTAMP(3);

