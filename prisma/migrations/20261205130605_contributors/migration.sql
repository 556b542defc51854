-- Who wrote the text of each update and post-mortem, so that none of them approves it
-- (docs/decisions/0029-two-person-rule-contributors.md). Generated, then the backfill below
-- written by hand: existing rows get their author, and everyone the audit log shows editing them.

-- CreateTable
CREATE TABLE "UpdateContributor" (
    "updateId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "since" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("updateId", "userId"),
    CONSTRAINT "UpdateContributor_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "StatusUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UpdateContributor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostmortemContributor" (
    "postmortemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "since" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("postmortemId", "userId"),
    CONSTRAINT "PostmortemContributor_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostmortemContributor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "UpdateContributor_userId_idx" ON "UpdateContributor"("userId");

-- CreateIndex
CREATE INDEX "PostmortemContributor_userId_idx" ON "PostmortemContributor"("userId");


-- Backfill: authors, then editors the audit log recorded (their first edit).
INSERT INTO "UpdateContributor" ("updateId", "userId", "since")
SELECT "id", "authorId", "createdAt" FROM "StatusUpdate" WHERE true;

INSERT INTO "UpdateContributor" ("updateId", "userId", "since")
SELECT a."entityId", a."actorId", MIN(a."at") FROM "AuditEvent" a
WHERE a."entityType" = 'StatusUpdate' AND a."action" = 'update.edited' AND a."actorId" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "StatusUpdate" u WHERE u."id" = a."entityId")
GROUP BY a."entityId", a."actorId"
ON CONFLICT DO NOTHING;

INSERT INTO "PostmortemContributor" ("postmortemId", "userId", "since")
SELECT "id", "authorId", "createdAt" FROM "Postmortem" WHERE true;

INSERT INTO "PostmortemContributor" ("postmortemId", "userId", "since")
SELECT a."entityId", a."actorId", MIN(a."at") FROM "AuditEvent" a
WHERE a."entityType" = 'Postmortem' AND a."action" IN ('postmortem.edited', 'postmortem.section_replaced') AND a."actorId" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "Postmortem" p WHERE p."id" = a."entityId")
GROUP BY a."entityId", a."actorId"
ON CONFLICT DO NOTHING;
