-- CreateEnum
CREATE TYPE "PostmortemState" AS ENUM ('draft', 'in_review', 'approved', 'published');

-- CreateEnum
CREATE TYPE "ActionItemKind" AS ENUM ('mitigate', 'prevent', 'process');

-- CreateEnum
CREATE TYPE "ActionItemPriority" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "ActionItemState" AS ENUM ('open', 'in_progress', 'done', 'wont_do');

-- CreateTable
CREATE TABLE "Postmortem" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "state" "PostmortemState" NOT NULL DEFAULT 'draft',
    "authorId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "yjsState" BYTEA,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Postmortem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostmortemSection" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "doc" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostmortemSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "ActionItemKind" NOT NULL,
    "priority" "ActionItemPriority" NOT NULL DEFAULT 'medium',
    "state" "ActionItemState" NOT NULL DEFAULT 'open',
    "ownerId" TEXT,
    "dueAt" TIMESTAMP(3),
    "trackerUrl" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostmortemChange" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "fromState" "PostmortemState" NOT NULL,
    "toState" "PostmortemState" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostmortemChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Postmortem_incidentId_key" ON "Postmortem"("incidentId");

-- CreateIndex
CREATE INDEX "Postmortem_state_idx" ON "Postmortem"("state");

-- CreateIndex
CREATE UNIQUE INDEX "PostmortemSection_postmortemId_key_key" ON "PostmortemSection"("postmortemId", "key");

-- CreateIndex
CREATE INDEX "ActionItem_postmortemId_idx" ON "ActionItem"("postmortemId");

-- CreateIndex
CREATE INDEX "ActionItem_state_dueAt_idx" ON "ActionItem"("state", "dueAt");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_state_idx" ON "ActionItem"("ownerId", "state");

-- CreateIndex
CREATE INDEX "PostmortemChange_postmortemId_at_idx" ON "PostmortemChange"("postmortemId", "at");

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemSection" ADD CONSTRAINT "PostmortemSection_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemChange" ADD CONSTRAINT "PostmortemChange_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemChange" ADD CONSTRAINT "PostmortemChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

