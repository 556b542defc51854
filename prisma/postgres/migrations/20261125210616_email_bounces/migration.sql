-- AlterEnum
ALTER TYPE "DeliveryState" ADD VALUE 'bounced';

-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN     "bouncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EmailEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailEvent_pkey" PRIMARY KEY ("id")
);


-- CreateIndex (by hand: Prisma 6 cannot declare a partial index). Provider events find their
-- delivery by the provider's id; rows without one (queued, webhooks, the outbox) stay out of it,
-- so queuing 100,000 notices does not pay for it.
CREATE INDEX "Delivery_providerId_idx" ON "Delivery"("providerId") WHERE "providerId" IS NOT NULL;
