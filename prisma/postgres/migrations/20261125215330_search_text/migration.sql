-- AlterTable
ALTER TABLE "PostmortemSection" ADD COLUMN     "text" TEXT NOT NULL DEFAULT '';

