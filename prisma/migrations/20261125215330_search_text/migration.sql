-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PostmortemSection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postmortemId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "doc" JSONB NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PostmortemSection_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PostmortemSection" ("doc", "id", "key", "position", "postmortemId", "updatedAt") SELECT "doc", "id", "key", "position", "postmortemId", "updatedAt" FROM "PostmortemSection";
DROP TABLE "PostmortemSection";
ALTER TABLE "new_PostmortemSection" RENAME TO "PostmortemSection";
CREATE UNIQUE INDEX "PostmortemSection_postmortemId_key_key" ON "PostmortemSection"("postmortemId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

