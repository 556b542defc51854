-- CreateTable
CREATE TABLE "SlackHook" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "deactivatedAt" TIMESTAMP(3),
    "deactivatedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackHook_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SlackHook_url_key" ON "SlackHook"("url");

-- CreateIndex
CREATE UNIQUE INDEX "SlackHook_token_key" ON "SlackHook"("token");

-- CreateIndex
CREATE INDEX "SlackHook_confirmedAt_unsubscribedAt_deactivatedAt_idx" ON "SlackHook"("confirmedAt", "unsubscribedAt", "deactivatedAt");

