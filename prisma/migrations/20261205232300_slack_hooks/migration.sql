-- CreateTable
CREATE TABLE "SlackHook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "askedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "deactivatedAt" DATETIME,
    "deactivatedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SlackHook_url_key" ON "SlackHook"("url");

-- CreateIndex
CREATE UNIQUE INDEX "SlackHook_token_key" ON "SlackHook"("token");

-- CreateIndex
CREATE INDEX "SlackHook_confirmedAt_unsubscribedAt_deactivatedAt_idx" ON "SlackHook"("confirmedAt", "unsubscribedAt", "deactivatedAt");

