-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "endReason" TEXT;

