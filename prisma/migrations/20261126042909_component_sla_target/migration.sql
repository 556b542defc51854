-- AlterTable
ALTER TABLE "Component" ADD COLUMN "slaTarget" REAL;

