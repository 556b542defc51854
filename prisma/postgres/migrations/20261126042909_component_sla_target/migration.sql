-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "slaTarget" DOUBLE PRECISION;

